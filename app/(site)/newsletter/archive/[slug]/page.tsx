import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaginationNav } from "@/components/site/listing/pagination-nav";
import { formatDate } from "@/lib/format-date";
import type { PageParam } from "@/lib/listings/listing-page";
import { isPageInRange, parsePageParam } from "@/lib/listings/pagination";
import { getNewsletterArchive } from "@/lib/newsletters/editions/archive";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: PageParam }> };

async function readArchive({ params, searchParams }: Props) {
  const { slug } = await params;
  const page = parsePageParam((await searchParams).page);
  const archive = page === null ? null : await getNewsletterArchive(slug, page);
  return archive && isPageInRange(archive.page, archive.total, archive.pageSize) ? archive : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const archive = await readArchive(props);
  return archive ? { title: `${archive.newsletter.name}: past editions`, description: archive.newsletter.description || undefined } : {};
}

export default async function NewsletterEditionsPage(props: Props) {
  const archive = await readArchive(props);
  if (!archive) notFound();
  const path = `/newsletter/archive/${archive.newsletter.slug}`;
  return (
    <section className="listing" aria-labelledby="archive-heading">
      <header className="listing-header">
        <p className="kicker">
          <a href="/newsletter/archive">Newsletter archive</a>
        </p>
        <h1 id="archive-heading" className="listing-title">
          {archive.newsletter.name}
          {archive.page > 1 && <span className="listing-page-number">, page {archive.page}</span>}
        </h1>
        {archive.newsletter.description && <p className="listing-description">{archive.newsletter.description}</p>}
      </header>
      <ul className="story-cards">
        {archive.editions.map((edition) => (
          <li key={edition.id} className="story-card">
            <h2 className="story-card-headline">
              <a href={`${path}/${edition.id}`}>{edition.subject}</a>
            </h2>
            <p className="story-card-meta">{formatDate((edition.sentAt ?? edition.scheduledFor).toISOString())}</p>
          </li>
        ))}
      </ul>
      <PaginationNav path={path} page={archive.page} total={archive.total} pageSize={archive.pageSize} />
    </section>
  );
}
