// Lists of published stories for the section, tag and author pages, newest first, a page at a
// time. Each page is one statement (its cards and the count), cached under the tags of the
// listing it belongs to (so publishing in one section does not refresh another's pages).
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { PAGE_SIZE } from "./pagination";
import { cardMediaTags, toStoryCards, type StoryCard, type StoryCardRow } from "./story-card";
import { loadStoryCardLists, storyCardsSql, storyCountSql } from "./story-card-sql";

export type { StoryCard } from "./story-card";

export type ListingFilter = { sectionId?: string; tagId?: string; profileId?: string };

export type StoryPage = { stories: StoryCard[]; total: number; page: number; pageSize: number };

// The tag a listing is dropped by when a story joins or leaves it.
export function listingScopeTags(filter: ListingFilter): string[] {
  const tags: string[] = [cacheTags.listings];
  if (filter.sectionId) tags.push(cacheTags.section(filter.sectionId));
  if (filter.tagId) tags.push(cacheTags.tag(filter.tagId));
  if (filter.profileId) tags.push(cacheTags.byline(filter.profileId));
  if (!filter.sectionId && !filter.tagId && !filter.profileId) tags.push(cacheTags.frontPage);
  return tags;
}

const listingKey = (filter: ListingFilter) => `${filter.sectionId ?? ""}:${filter.tagId ?? ""}:${filter.profileId ?? ""}`;

export async function listStoryPage(filter: ListingFilter, page: number, pageSize: number = PAGE_SIZE): Promise<StoryPage> {
  return cached(`listing-page:${listingKey(filter)}:${page}:${pageSize}`, async () => {
    const { rows, total } = await loadStoryCardLists<{ rows: StoryCardRow[]; total: number }>(db, {
      rows: storyCardsSql(filter, pageSize, (page - 1) * pageSize),
      total: storyCountSql(filter),
    });
    const tags = [...listingScopeTags(filter), ...rows.map((row) => cacheTags.article(row.id)), ...cardMediaTags(rows)];
    return { value: { stories: toStoryCards(rows), total, page, pageSize }, tags };
  });
}

const missTags = [cacheTags.listings, cacheTags.notFound];

export async function getTagBySlug(slug: string) {
  return cached(`tag:${slug}`, async () => {
    const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
    return { value: tag, tags: tag ? [cacheTags.tag(tag.id), cacheTags.listings] : missTags };
  });
}

export async function getBylineProfileBySlug(slug: string) {
  return cached(`byline:${slug}`, async () => {
    const profile = await db.bylineProfile.findUnique({
      where: { slug },
      select: { id: true, name: true, slug: true, jobTitle: true, bio: true },
    });
    return { value: profile, tags: profile ? [cacheTags.byline(profile.id), cacheTags.listings] : missTags };
  });
}
