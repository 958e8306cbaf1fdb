// What the write path calls after publishing, unpublishing, correcting or otherwise changing a
// published story (or fixing a credit it shows): drops exactly the cached pages that show it.
import { invalidateTags } from "./tagged-cache";
import { cacheTags } from "./tags";

type ArticleCacheKeys = {
  id: string;
  sectionId: string | null;
  tagIds: readonly string[];
  bylineProfileIds: readonly string[];
  // The story's sports links: their team, athlete and match pages list it.
  teamIds?: readonly string[];
  athleteIds?: readonly string[];
  eventIds?: readonly string[];
};

// The story's page; its section's, tags' and authors' listings and feeds; its teams', athletes'
// and events' pages; the front page; the site feed and sitemaps; and cached "not found" answers
// (its address may have been one).
export function articleCacheTags(...articles: ArticleCacheKeys[]): Set<string> {
  const tags = new Set<string>([cacheTags.frontPage, cacheTags.feeds, cacheTags.notFound]);
  for (const article of articles) {
    tags.add(cacheTags.article(article.id));
    if (article.sectionId) tags.add(cacheTags.section(article.sectionId));
    for (const id of article.tagIds) tags.add(cacheTags.tag(id));
    for (const id of article.bylineProfileIds) tags.add(cacheTags.byline(id));
    for (const id of article.teamIds ?? []) tags.add(cacheTags.team(id));
    for (const id of article.athleteIds ?? []) tags.add(cacheTags.athlete(id));
    for (const id of article.eventIds ?? []) tags.add(cacheTags.sportsEvent(id));
  }
  return tags;
}

// Pass the story as it was before the write and as it is after when its section, tags or
// bylines changed, so the listings it left are refreshed too. Call it after the commit.
export function invalidateForArticle(...articles: ArticleCacheKeys[]): number {
  return invalidateTags(articleCacheTags(...articles));
}
