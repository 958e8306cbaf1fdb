// What feeds and sitemaps list, cached under the feeds tag (every publish, unpublish or
// correction drops it) and the tag of the listing a feed belongs to.
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { articleHref } from "../articles/href";
import { listingScopeTags, type ListingFilter } from "../listings/queries";
import { cardMediaTags, toStoryCards, type StoryCard, type StoryCardRow } from "../listings/story-card";
import { loadStoryCardLists, storyCardsSql } from "../listings/story-card-sql";
import { getSections, SECTIONS_TAG } from "../sections/queries";
import type { NewsEntry, SitemapEntry } from "./sitemap";
import { publicArticleWhere } from "../articles/embargo/visibility";

const FEED_SIZE = 30;
// The sitemap protocol allows 50,000 addresses per file.
const SITEMAP_STORIES = 45_000;
const NEWS_WINDOW_MS = 48 * 3_600_000;
const NEWS_MAX = 1_000;

const newestFirst = [{ publishedAt: "desc" as const }, { id: "asc" as const }];

export async function listFeedStories(filter: ListingFilter): Promise<StoryCard[]> {
  const key = `feed:${filter.sectionId ?? ""}:${filter.tagId ?? ""}:${filter.profileId ?? ""}`;
  return cached(key, async () => {
    const { rows } = await loadStoryCardLists<{ rows: StoryCardRow[] }>(db, { rows: storyCardsSql(filter, FEED_SIZE) });
    const tags = [cacheTags.feeds, ...listingScopeTags(filter), ...rows.map((row) => cacheTags.article(row.id)), ...cardMediaTags(rows)];
    return { value: toStoryCards(rows), tags };
  });
}

// What readers can reach: published stories past any embargo, with a section (story-card-sql.ts
// lists the same).
const listed = (now: Date) => ({ ...publicArticleWhere(now), sectionId: { not: null } });

async function loadSitemapEntries(now: Date = new Date()): Promise<SitemapEntry[]> {
  const published = publicArticleWhere(now);
  const [sections, stories, tags, authors] = await Promise.all([
    getSections(),
    db.article.findMany({
      where: listed(now),
      orderBy: newestFirst,
      take: SITEMAP_STORIES,
      select: { slug: true, updatedAt: true, section: { select: { slug: true } } },
    }),
    db.tag.findMany({ where: { articles: { some: { article: published } } }, select: { slug: true }, orderBy: { slug: "asc" } }),
    db.bylineProfile.findMany({ where: { bylines: { some: { article: published } } }, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  const newest = stories[0]?.updatedAt.toISOString();
  return [
    { path: "/", lastModified: newest },
    ...sections.map((section) => ({ path: `/${section.slug}` })),
    ...stories.flatMap((s) => (s.section ? [{ path: articleHref(s.section.slug, s.slug), lastModified: s.updatedAt.toISOString() }] : [])),
    ...tags.map((tag) => ({ path: `/tag/${tag.slug}` })),
    ...authors.map((author) => ({ path: `/author/${author.slug}` })),
  ];
}

export async function listSitemapEntries(): Promise<SitemapEntry[]> {
  return cached("sitemap", async () => ({ value: await loadSitemapEntries(), tags: [cacheTags.feeds, cacheTags.listings, SECTIONS_TAG] }));
}

// Stories published in the last 48 hours. Stories age out without a write, so the cache's
// lifetime (PAGE_CACHE_TTL_SECONDS) bounds how long one lingers past its window.
export async function listNewsSitemapEntries(now: Date = new Date()): Promise<NewsEntry[]> {
  return cached("news-sitemap", async () => {
    const rows = await db.article.findMany({
      where: { ...listed(now), publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS) } },
      orderBy: newestFirst,
      take: NEWS_MAX,
      select: { slug: true, headline: true, publishedAt: true, section: { select: { slug: true } } },
    });
    const value = rows.flatMap((row) => (row.section && row.publishedAt ? [{ path: articleHref(row.section.slug, row.slug), title: row.headline, publishedAt: row.publishedAt.toISOString() }] : []));
    return { value, tags: [cacheTags.feeds, cacheTags.listings] };
  });
}
