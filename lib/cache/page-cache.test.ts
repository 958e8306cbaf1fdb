import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { cached, cacheGeneration, clearCache, invalidateTags } from "./tagged-cache";
import { getPage, pageCacheStats, putPage, withRenderContext, type RenderContext } from "./page-cache";
import { pageCacheKey, storableResponse } from "./page-request";

beforeEach(() => clearCache());

const html = (text: string) => ({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(text) });

// Renders like the server does: the data reads inside the render context, then the store.
async function render(key: string, reads: { key: string; tags: string[] }[], body = `<p>${key}</p>`): Promise<boolean> {
  const context: RenderContext = { tags: new Set(), startedAt: cacheGeneration() };
  await withRenderContext(context, async () => {
    for (const read of reads) await cached(read.key, async () => ({ value: read.key, tags: read.tags }));
  });
  return putPage(key, html(body), context, cacheGeneration());
}

describe("page cache", () => {
  it("keeps a page with the tags of every value its render read, cached or loaded", async () => {
    await cached("nav", async () => ({ value: "nav", tags: ["sections"] }));
    expect(
      await render("std /football/a", [
        { key: "nav", tags: ["sections"] },
        { key: "story-a", tags: ["article:a", "section:f"] },
      ]),
    ).toBe(true);
    expect(getPage("std /football/a")?.tags.sort()).toEqual(["article:a", "section:f", "sections"]);
  });

  it("drops exactly the pages showing an invalidated tag, in the same call that drops the data", async () => {
    await render("std /football/a", [{ key: "story-a", tags: ["article:a"] }]);
    await render("std /football/b", [{ key: "story-b", tags: ["article:b"] }]);
    invalidateTags(["article:a"]);
    expect(getPage("std /football/a")).toBeNull();
    expect(getPage("std /football/b")?.body.toString()).toBe("<p>std /football/b</p>");
  });

  it("does not keep a page whose render spanned an invalidation", async () => {
    const context: RenderContext = { tags: new Set(), startedAt: cacheGeneration() };
    await withRenderContext(context, () => cached("story-a", async () => ({ value: 1, tags: ["article:a"] })));
    invalidateTags(["article:zzz"]);
    expect(putPage("std /x", html("stale?"), context, cacheGeneration())).toBe(false);
    expect(getPage("std /x")).toBeNull();
  });

  it("does not keep a page that read no tagged data (nothing could ever drop it)", async () => {
    expect(await render("std /untagged", [])).toBe(false);
  });

  it("keeps a gzip copy of larger pages that unzips to the same bytes", async () => {
    const big = "<p>Final whistle</p>".repeat(200);
    await render("std /big", [{ key: "big", tags: ["article:big"] }], big);
    const entry = getPage("std /big")!;
    expect(entry.gzip!.length).toBeLessThan(entry.body.length);
    expect(gunzipSync(entry.gzip!).toString()).toBe(big);
  });

  it("clearCache empties it", async () => {
    await render("std /a", [{ key: "a", tags: ["article:a"] }]);
    clearCache();
    expect(pageCacheStats().entries).toBe(0);
  });
});

describe("which requests and responses the page cache serves and keeps", () => {
  const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

  it("serves public reads, with crawlers kept apart", () => {
    expect(pageCacheKey(get("/football/final"))).toBe("std /football/final");
    expect(pageCacheKey(get("/", { "user-agent": "Googlebot/2.1" }))).toBe("bot /");
    expect(pageCacheKey(get("/searchlight/story"))).toBe("std /searchlight/story");
    expect(pageCacheKey({ method: "HEAD", url: "/feed.xml", headers: {} })).toBe("std /feed.xml");
  });

  it("keys a page only by the query parameters it reads: page on listings, none elsewhere", () => {
    expect(pageCacheKey(get("/?ref=1"))).toBe("std /");
    expect(pageCacheKey(get("/football/final?ref=2&page=3"))).toBe("std /football/final");
    expect(pageCacheKey(get("/feed.xml?utm_source=x"))).toBe("std /feed.xml");
    expect(pageCacheKey(get("/football?ref=9&page=2"))).toBe("std /football?page=2");
    expect(pageCacheKey(get("/tag/cup?page=2&page=3&x=1"))).toBe("std /tag/cup?page=2&page=3");
    expect(pageCacheKey(get("/author/ann-lee?fbclid=z"))).toBe("std /author/ann-lee");
  });

  it("keys sports pages by what they read: page on teams and athletes, season on competitions, none on matches", () => {
    expect(pageCacheKey(get("/teams/aston-villa?ref=1&page=2"))).toBe("std /teams/aston-villa?page=2");
    expect(pageCacheKey(get("/athletes/joe-hart?utm_source=x"))).toBe("std /athletes/joe-hart");
    expect(pageCacheKey(get("/competitions/premier-league?season=2014&page=3"))).toBe("std /competitions/premier-league?season=2014");
    expect(pageCacheKey(get("/competitions/winter-games?season=Milano+Cortina+2026"))).toBe("std /competitions/winter-games?season=Milano%20Cortina%202026");
    expect(pageCacheKey(get("/matches/abc123?season=2014&page=2"))).toBe("std /matches/abc123");
  });

  it("never serves staff screens, APIs, actions, RSC requests, previews, media or search", () => {
    for (const url of ["/newsroom", "/newsroom/stories", "/api/auth/session", "/_next/static/x.js", "/media/r/x.jpg", "/preview/t", "/sign-in", "/search?q=x", "/search", "//evil.example/"]) {
      expect(pageCacheKey(get(url)), url).toBeNull();
    }
    expect(pageCacheKey({ method: "POST", url: "/football/final", headers: {} })).toBeNull();
    expect(pageCacheKey(get("/football/final", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(get("/football/final", { "next-action": "abc" }))).toBeNull();
    expect(pageCacheKey(get("/football/final?_rsc=1x"))).toBeNull();
    expect(pageCacheKey(get("/football/final", { authorization: "Basic x" }))).toBeNull();
  });

  it("never keeps a live story's event stream or changes cursor, but keeps its feed and a story called events", () => {
    for (const url of ["/football/final/events", "/football/final/changes?cursor=4", "/football/final/changes"]) expect(pageCacheKey(get(url)), url).toBeNull();
    expect(pageCacheKey(get("/football/final/feed.xml"))).toBe("std /football/final/feed.xml");
    expect(pageCacheKey(get("/football/events"))).toBe("std /football/events");
  });

  it("keeps only plain 200 pages and feeds without cookies", () => {
    const response = (statusCode: number, headers: Record<string, string>) => ({ statusCode, getHeaders: () => headers });
    const req = get("/x");
    expect(storableResponse(req, response(200, { "content-type": "text/html", date: "today", "x-frame-options": "SAMEORIGIN" }))).toEqual({ "content-type": "text/html", "x-frame-options": "SAMEORIGIN" });
    expect(storableResponse(req, response(200, { "content-type": "application/rss+xml" }))).not.toBeNull();
    expect(storableResponse(req, response(404, { "content-type": "text/html" }))).toBeNull();
    expect(storableResponse(req, response(200, { "content-type": "text/html", "set-cookie": "a=b" }))).toBeNull();
    expect(storableResponse(req, response(200, { "content-type": "image/jpeg" }))).toBeNull();
    expect(storableResponse({ ...req, method: "HEAD" }, response(200, { "content-type": "text/html" }))).toBeNull();
  });
});
