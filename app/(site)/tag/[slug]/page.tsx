import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryCardList } from "@/components/site/story-card-list";
import { getTagBySlug, listPublishedStories } from "@/lib/listings/queries";


type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTagBySlug((await params).slug);
  return tag ? { title: tag.name, alternates: { canonical: `/tag/${tag.slug}` } } : {};
}

export default async function TagPage({ params }: Props) {
  const tag = await getTagBySlug((await params).slug);
  if (!tag) notFound();
  const stories = await listPublishedStories({ tagId: tag.id }, 30);
  return (
    <section aria-labelledby="tag-heading" className="listing">
      <h1 id="tag-heading" className="listing-title">
        {tag.name}
      </h1>
      <StoryCardList stories={stories} />
    </section>
  );
}
