import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryListing } from "@/components/site/listing/story-listing";
import { listingMetadata } from "@/lib/listings/listing-metadata";
import { isPublicSlug, readListingPage, type PageParam } from "@/lib/listings/listing-page";
import { getTagBySlug } from "@/lib/listings/queries";
import { followRedirect } from "@/lib/redirects/follow";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: PageParam }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const tag = isPublicSlug(slug) ? await getTagBySlug(slug) : null;
  return tag ? listingMetadata({ title: tag.name, path: `/tag/${tag.slug}`, description: `Stories about ${tag.name}.` }, (await searchParams).page) : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const tag = isPublicSlug(slug) ? await getTagBySlug(slug) : null;
  if (!tag) {
    if (isPublicSlug(slug)) await followRedirect(`/tag/${slug}`);
    notFound();
  }
  const listing = await readListingPage({ tagId: tag.id }, (await searchParams).page);
  if (!listing) notFound();
  return <StoryListing title={tag.name} path={`/tag/${tag.slug}`} listing={listing} />;
}
