import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryListing } from "@/components/site/listing/story-listing";
import { listingMetadata } from "@/lib/listings/listing-metadata";
import { isPublicSlug, readListingPage, type PageParam } from "@/lib/listings/listing-page";
import { getBylineProfileBySlug } from "@/lib/listings/queries";
import { followRedirect } from "@/lib/redirects/follow";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: PageParam }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const profile = isPublicSlug(slug) ? await getBylineProfileBySlug(slug) : null;
  if (!profile) return {};
  const path = `/author/${profile.slug}`;
  const description = profile.jobTitle ? `${profile.name}, ${profile.jobTitle}` : undefined;
  return listingMetadata({ title: profile.name, path, description, feedPath: `${path}/feed.xml` }, (await searchParams).page);
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const profile = isPublicSlug(slug) ? await getBylineProfileBySlug(slug) : null;
  if (!profile) {
    if (isPublicSlug(slug)) await followRedirect(`/author/${slug}`);
    notFound();
  }
  const listing = await readListingPage({ profileId: profile.id }, (await searchParams).page);
  if (!listing) notFound();
  const path = `/author/${profile.slug}`;
  const intro = (
    <>
      {profile.jobTitle && <p className="listing-description">{profile.jobTitle}</p>}
      {profile.bio && <p className="author-bio">{profile.bio}</p>}
    </>
  );
  return <StoryListing title={profile.name} path={path} listing={listing} intro={intro} feedHref={`${path}/feed.xml`} />;
}
