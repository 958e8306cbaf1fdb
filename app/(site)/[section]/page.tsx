import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryCardList } from "@/components/site/story-card-list";
import { listPublishedStories } from "@/lib/listings/queries";
import { getSectionBySlug } from "@/lib/sections/queries";


type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionBySlug((await params).section);
  return section ? { title: section.name, description: section.description || undefined, alternates: { canonical: `/${section.slug}` } } : {};
}

export default async function SectionPage({ params }: Props) {
  const section = await getSectionBySlug((await params).section);
  if (!section) notFound();
  const stories = await listPublishedStories({ sectionId: section.id }, 30);
  return (
    <section aria-labelledby="section-heading" className="listing">
      <h1 id="section-heading" className="listing-title">
        {section.name}
      </h1>
      {section.description && <p className="listing-description">{section.description}</p>}
      <StoryCardList stories={stories} isLeadFirst />
    </section>
  );
}
