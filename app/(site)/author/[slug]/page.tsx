import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryCardList } from "@/components/site/story-card-list";
import { getBylineProfileBySlug, listPublishedStories } from "@/lib/listings/queries";


type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getBylineProfileBySlug((await params).slug);
  return profile ? { title: profile.name, alternates: { canonical: `/author/${profile.slug}` } } : {};
}

export default async function AuthorPage({ params }: Props) {
  const profile = await getBylineProfileBySlug((await params).slug);
  if (!profile) notFound();
  const stories = await listPublishedStories({ profileId: profile.id }, 30);
  return (
    <section aria-labelledby="author-heading" className="listing">
      <h1 id="author-heading" className="listing-title">
        {profile.name}
      </h1>
      {profile.jobTitle && <p className="listing-description">{profile.jobTitle}</p>}
      {profile.bio && <p className="author-bio">{profile.bio}</p>}
      <StoryCardList stories={stories} />
    </section>
  );
}
