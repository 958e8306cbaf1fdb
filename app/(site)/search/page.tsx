import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaginationNav } from "@/components/site/listing/pagination-nav";
import { SearchForm } from "@/components/site/search/search-form";
import { SearchResults } from "@/components/site/search/search-results";
import { isPageInRange, PAGE_SIZE } from "@/lib/listings/pagination";
import { dateRange, readSearchParams, type SearchParams } from "@/lib/search/params";
import { searchStories } from "@/lib/search/search-stories";
import { getSections } from "@/lib/sections/queries";

type Props = { searchParams: Promise<SearchParams> };

const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? "UTC";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { text } = readSearchParams(await searchParams);
  // Results pages are for readers, not for search engines' indexes.
  return { title: text ? `Search: ${text}` : "Search", robots: { index: false, follow: true }, alternates: { canonical: "/search" } };
}

export default async function SearchPage({ searchParams }: Props) {
  const form = readSearchParams(await searchParams);
  if (form.page === null) notFound();
  const sections = await getSections();
  const section = sections.some((s) => s.slug === form.section) ? form.section : "";
  const request = { terms: form.terms, page: form.page, pageSize: PAGE_SIZE, sectionSlug: section || undefined, ...dateRange(form, TIME_ZONE) };
  const results = await searchStories(request);
  if (form.page > 1 && !isPageInRange(form.page, results.total)) notFound();
  const query = { q: form.text, section, from: form.from, to: form.to };
  return (
    <div className="search-page">
      <h1 className="listing-title">Search</h1>
      <SearchForm text={form.text} section={section} from={form.from} to={form.to} sections={sections} />
      {form.isShortened && <p className="search-note">Only the first {form.terms.length} words of a long search are used.</p>}
      {form.text && (
        <>
          <SearchResults hits={results.hits} total={results.total} isTotalCapped={results.isTotalCapped} text={form.text} firstIndex={(form.page - 1) * PAGE_SIZE + 1} />
          <PaginationNav path="/search" page={form.page} total={results.total} pageSize={PAGE_SIZE} query={query} />
        </>
      )}
    </div>
  );
}
