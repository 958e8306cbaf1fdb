// Lists of published stories for the section, tag and author pages, newest first, a page at a
// time. Each page is one query for the stories and one count, cached under the tags of the
// listing it belongs to (so publishing in one section does not refresh another's pages).
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { PAGE_SIZE } from "./pagination";
import { cardMediaTags, storyCardSelect, toStoryCards, type StoryCard } from "./story-card";

export type { StoryCard } from "./story-card";

export type ListingFilter = { sectionId?: string; tagId?: string; profileId?: string };

export type StoryPage = { stories: StoryCard[]; total: number; page: number; pageSize: number };

export function listingWhere(filter: ListingFilter) {
  return {
    status: "PUBLISHED" as const,
    sectionId: filter.sectionId ? filter.sectionId : { not: null },
    ...(filter.tagId ? { tags: { some: { tagId: filter.tagId } } } : {}),
    ...(filter.profileId ? { bylines: { some: { profileId: filter.profileId } } } : {}),
  };
}

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

const newestFirst = [{ publishedAt: "desc" }, { id: "asc" }] as const;

async function loadStories(filter: ListingFilter, skip: number, take: number) {
  const rows = await db.article.findMany({ where: listingWhere(filter), orderBy: [...newestFirst], skip, take, select: storyCardSelect });
  return { stories: toStoryCards(rows), tags: [...rows.map((row) => cacheTags.article(row.id)), ...cardMediaTags(rows)] };
}

export async function listStoryPage(filter: ListingFilter, page: number, pageSize: number = PAGE_SIZE): Promise<StoryPage> {
  return cached(`listing-page:${listingKey(filter)}:${page}:${pageSize}`, async () => {
    const [{ stories, tags }, total] = await Promise.all([
      loadStories(filter, (page - 1) * pageSize, pageSize),
      db.article.count({ where: listingWhere(filter) }),
    ]);
    return { value: { stories, total, page, pageSize }, tags: [...listingScopeTags(filter), ...tags] };
  });
}

// The newest `limit` stories of a listing (kept for callers that want no paging).
export async function listPublishedStories(filter: ListingFilter, limit = 20): Promise<StoryCard[]> {
  return cached(`listing:${listingKey(filter)}:${limit}`, async () => {
    const { stories, tags } = await loadStories(filter, 0, limit);
    return { value: stories, tags: [...listingScopeTags(filter), ...tags] };
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
