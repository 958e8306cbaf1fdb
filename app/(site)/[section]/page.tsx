import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryListing } from "@/components/site/listing/story-listing";
import { listingMetadata } from "@/lib/listings/listing-metadata";
import { isPublicSlug, readListingPage, type PageParam } from "@/lib/listings/listing-page";
import { followRedirect } from "@/lib/redirects/follow";
import { getSectionBySlug } from "@/lib/sections/queries";

type Props = { params: Promise<{ section: string }>; searchParams: Promise<{ page?: PageParam }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const section = await getSectionBySlug((await params).section);
  if (!section) return {};
  const path = `/${section.slug}`;
  return listingMetadata({ title: section.name, path, description: section.description, feedPath: `${path}/feed.xml` }, (await searchParams).page);
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { section: slug } = await params;
  const section = isPublicSlug(slug) ? await getSectionBySlug(slug) : null;
  if (!section) {
    if (isPublicSlug(slug)) await followRedirect(`/${slug}`);
    notFound();
  }
  const listing = await readListingPage({ sectionId: section.id }, (await searchParams).page);
  if (!listing) notFound();
  const path = `/${section.slug}`;
  const intro = section.description ? <p className="listing-description">{section.description}</p> : null;
  return <StoryListing title={section.name} path={path} listing={listing} intro={intro} feedHref={`${path}/feed.xml`} />;
}
