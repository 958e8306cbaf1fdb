import { beforeEach, describe, expect, it, vi } from "vitest";
import { articleCacheTags, invalidateForArticle } from "./invalidate";
import { cached, clearCache } from "./tagged-cache";
import { cacheTags } from "./tags";

beforeEach(() => clearCache());

const story = { id: "a1", sectionId: "s1", tagIds: ["t1", "t2"], bylineProfileIds: ["p1"] };

async function warm(key: string, tags: string[]) {
  await cached(key, async () => ({ value: key, tags }));
}

async function isCached(key: string): Promise<boolean> {
  const load = vi.fn(async () => ({ value: "reloaded", tags: [] }));
  await cached(key, load);
  return load.mock.calls.length === 0;
}

describe("invalidateForArticle", () => {
  it("names the story, its section, tags, authors, the front page, feeds and cached misses", () => {
    expect([...articleCacheTags(story)].sort()).toEqual(
      [cacheTags.article("a1"), cacheTags.section("s1"), cacheTags.tag("t1"), cacheTags.tag("t2"), cacheTags.byline("p1"), cacheTags.frontPage, cacheTags.feeds, cacheTags.notFound].sort(),
    );
  });

  it("names the pages of the story's teams, athletes and events too", () => {
    const tags = articleCacheTags({ ...story, teamIds: ["tm1"], athleteIds: ["at1"], eventIds: ["ev1"] });
    expect(tags).toEqual(new Set([...articleCacheTags(story), cacheTags.team("tm1"), cacheTags.athlete("at1"), cacheTags.sportsEvent("ev1")]));
  });

  it("drops the pages showing the story and keeps the others", async () => {
    await warm("story", [cacheTags.article("a1"), cacheTags.section("s1")]);
    await warm("section-page", [cacheTags.section("s1"), cacheTags.listings]);
    await warm("other-section-page", [cacheTags.section("s2"), cacheTags.listings]);
    await warm("tag-page", [cacheTags.tag("t2"), cacheTags.listings]);
    await warm("other-tag-page", [cacheTags.tag("t9"), cacheTags.listings]);
    await warm("author-page", [cacheTags.byline("p1")]);
    await warm("front", [cacheTags.frontPage]);
    await warm("feed", [cacheTags.feeds]);
    await warm("other-story", [cacheTags.article("a2"), cacheTags.section("s2")]);
    invalidateForArticle(story);
    expect(await isCached("other-section-page")).toBe(true);
    expect(await isCached("other-tag-page")).toBe(true);
    expect(await isCached("other-story")).toBe(true);
    for (const key of ["story", "section-page", "tag-page", "author-page", "front", "feed"]) expect(await isCached(key), key).toBe(false);
  });

  it("refreshes the listings a story left as well as those it joined", async () => {
    await warm("old-section", [cacheTags.section("s1")]);
    await warm("new-section", [cacheTags.section("s3")]);
    invalidateForArticle(story, { ...story, sectionId: "s3", tagIds: [] });
    expect(await isCached("old-section")).toBe(false);
    expect(await isCached("new-section")).toBe(false);
  });
});
