// A story as a listing shows it (front, section, tag and author pages, related stories, feeds):
// the row story-card-sql.ts reads and the mapping to what components receive.
import { articleHref } from "../articles/href";
import { mediaCacheTags, toMediaView, type MediaRecord, type MediaView } from "../media/views";

export type StoryCard = {
  id: string;
  href: string;
  kicker: string;
  headline: string;
  standfirst: string;
  sectionName: string;
  sectionSlug: string;
  publishedAt: string;
  updatedAt: string;
  bylines: string[];
  image: MediaView | null;
};

// A story card's row, as story-card-sql.ts loads it.
export type StoryCardRow = {
  id: string;
  slug: string;
  kicker: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date;
  section: { name: string; slug: string } | null;
  bylines: { profile: { name: string } }[];
  heroMedia: MediaRecord | null;
};

// Stories without a section have no public address and are left out.
export function toStoryCards(rows: StoryCardRow[], now: Date = new Date()): StoryCard[] {
  return rows.flatMap((row) =>
    row.section
      ? [
          {
            id: row.id,
            href: articleHref(row.section.slug, row.slug),
            kicker: row.kicker,
            headline: row.headline,
            standfirst: row.standfirst,
            sectionName: row.section.name,
            sectionSlug: row.section.slug,
            publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
            updatedAt: row.updatedAt.toISOString(),
            bylines: row.bylines.map((b) => b.profile.name),
            image: row.heroMedia ? toMediaView(row.heroMedia, now) : null,
          },
        ]
      : [],
  );
}

// The media, agency and photographer tags of the pictures a list shows (a fixed credit refreshes it).
export function cardMediaTags(rows: { heroMedia: MediaRecord | null }[]): string[] {
  return rows.flatMap((row) => (row.heroMedia ? mediaCacheTags(row.heroMedia) : []));
}
