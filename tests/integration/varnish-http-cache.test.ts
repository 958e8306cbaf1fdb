// The shipped Varnish configuration (deploy/varnish/pressbox.vcl) for real: varnishd on free ports
// in a temp working directory, its backend a small origin that answers like Pressbox's server does
// (the headers from lib/cache/http-headers.ts, private for a session), purged through
// lib/cache/purge/purge.ts. A page is fetched once and then served by Varnish; purging a tag drops
// exactly the pages carrying it; session, staff and live requests pass; a 304 comes from Varnish;
// readers never see the purge keys. Skipped, saying why, where varnishd or vmod xkey is missing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasSessionCookie, httpCachePolicy, isNotModified, PRIVATE_CACHE_CONTROL, publicHeaders, strongEtag } from "@/lib/cache/http-headers";
import { purgeProxy } from "@/lib/cache/purge/purge";
import { findFreePort } from "../../scripts/process-group";
import { purge, send, SHIPPED_VCL, startVarnish, varnishMissing, type RunningVarnish } from "../support/varnish";

// The origin: each page's body names how often it was rendered; its tags are fixed.
const PAGES: Record<string, string[]> = {
  "/football/a": ["article:a", "section:football"],
  "/football/b": ["article:b", "section:football"],
  "/": ["article:a", "article:b", "front-page"],
  "/feed.xml": ["feeds", "article:b"],
};
const renders = new Map<string, number>();
const seenCookies: string[] = [];
const policy = { ...httpCachePolicy({ HTTP_CACHE_PURGE: "varnish" }), staleWhileRevalidate: 30 };

function answer(req: IncomingMessage, res: ServerResponse): void {
  const pathname = (req.url ?? "/").split("?")[0];
  const count = (renders.get(pathname) ?? 0) + 1;
  renders.set(pathname, count);
  seenCookies.push(String(req.headers.cookie ?? ""));
  const tags = PAGES[pathname];
  const body = Buffer.from(`<p>${pathname} render ${count}</p>`);
  if (!tags || req.method !== "GET" || hasSessionCookie(req.headers)) {
    res.writeHead(tags ? 200 : 404, { "content-type": "text/html", "cache-control": PRIVATE_CACHE_CONTROL });
    return void res.end(body);
  }
  const etag = strongEtag(body);
  const lastModified = Date.now();
  const headers = { "content-type": "text/html; charset=utf-8", ...publicHeaders({ etag, lastModified, tags }, pathname === "/feed.xml" ? { ...policy, sharedMaxAge: 1 } : policy) };
  if (isNotModified(req.headers, etag, lastModified)) return void res.writeHead(304, headers).end();
  res.writeHead(200, headers).end(body);
}

const missing = varnishMissing();
if (missing) console.log(`varnish-http-cache: skipped: ${missing}`);

describe.skipIf(missing !== null)("Varnish with the shipped VCL", () => {
  let origin: Server;
  let varnish: RunningVarnish;
  let port = 0;
  const get = (pathname: string, headers: Record<string, string> = {}) => send(port, pathname, { headers });
  const purgeEnv = () => ({ HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: `http://127.0.0.1:${port}` });

  beforeAll(async () => {
    origin = createServer(answer);
    const originPort = await findFreePort();
    await new Promise<void>((resolve) => origin.listen(originPort, "127.0.0.1", resolve));
    varnish = await startVarnish({ backends: [{ host: "127.0.0.1", port: originPort }] });
    port = varnish.port;
  }, 30_000);

  afterAll(async () => {
    await varnish?.stop();
    await new Promise((resolve) => origin?.close(resolve));
  });

  it("serves a public page from the cache after the first request, with the purge keys hidden", async () => {
    const first = await get("/football/a");
    const second = await get("/football/a");
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(second.body).toBe("<p>/football/a render 1</p>");
    expect(renders.get("/football/a")).toBe(1);
    expect(second.headers["cache-control"]).toBe("public, max-age=60, s-maxage=86400, stale-while-revalidate=30");
    expect(second.headers.etag).toBe(strongEtag(Buffer.from("<p>/football/a render 1</p>")));
    for (const header of ["xkey", "surrogate-key", "cache-tag"]) expect(second.headers[header]).toBeUndefined();
  });

  it("answers a conditional request with 304 from the cache", async () => {
    const page = await get("/football/a");
    const byTag = await get("/football/a", { "if-none-match": String(page.headers.etag) });
    const byDate = await get("/football/a", { "if-modified-since": String(page.headers["last-modified"]) });
    expect([byTag.status, byTag.body, byDate.status]).toEqual([304, "", 304]);
    expect(renders.get("/football/a")).toBe(1);
  });

  it("drops exactly the pages carrying a purged tag", async () => {
    for (const page of Object.keys(PAGES)) await get(page);
    const before = new Map(renders);
    await purgeProxy({ tags: ["article:a"] }, purgeEnv());
    for (const page of Object.keys(PAGES)) await get(page);
    const rendered = Object.keys(PAGES).filter((page) => renders.get(page) !== before.get(page));
    expect(rendered.sort()).toEqual(["/", "/football/a"]);
    expect((await get("/football/a")).body).toBe(`<p>/football/a render ${renders.get("/football/a")}</p>`);
  });

  it("drops every page on a full purge (the site-wide key)", async () => {
    for (const page of Object.keys(PAGES)) await get(page);
    await purgeProxy({ all: true }, purgeEnv());
    const states = await Promise.all(Object.keys(PAGES).map(async (page) => (await get(page)).headers["x-cache"]));
    expect(states).toEqual(["miss", "miss", "miss", "miss"]);
  });

  it("passes a request with a session cookie to the origin, cookie and all, and keeps nothing", async () => {
    await get("/football/b");
    const rendersBefore = renders.get("/football/b");
    const signedIn = await get("/football/b", { cookie: "theme=dark; next-auth.session-token=abc" });
    expect(signedIn.headers["x-cache"]).toBe("pass");
    expect(signedIn.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(seenCookies.at(-1)).toContain("next-auth.session-token=abc");
    expect(renders.get("/football/b")).toBe((rendersBefore ?? 0) + 1);
    // The signed-in render did not replace the shared copy.
    expect((await get("/football/b")).body).toBe(`<p>/football/b render ${rendersBefore}</p>`);
  });

  it("strips other cookies, so readers with cookies share one copy the origin rendered without them", async () => {
    await purgeProxy({ tags: ["article:b"] }, purgeEnv());
    const fetched = await get("/football/b", { cookie: "theme=dark; next-auth.csrf-token=x" });
    expect(fetched.headers["x-cache"]).toBe("miss");
    expect(seenCookies.at(-1)).toBe("");
    expect((await get("/football/b", { cookie: "consent=yes" })).headers["x-cache"]).toBe("hit");
  });

  it("passes writes, staff screens, search, APIs, previews and live streams", async () => {
    const passed = [
      await send(port, "/football/a", { method: "POST" }),
      await get("/newsroom/stories"),
      await get("/search?q=final"),
      await get("/api/auth/session"),
      await get("/preview/abc"),
      await get("/football/a/events"),
      await get("/football/a/changes?cursor=3"),
      await get("/football/a", { rsc: "1" }),
    ];
    expect(passed.map((reply) => reply.headers["x-cache"])).toEqual(Array(passed.length).fill("pass"));
  });

  it("keeps a crawler's copy apart from a browser's", async () => {
    await get("/football/a");
    const bot = await get("/football/a", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" });
    expect(bot.headers["x-cache"]).toBe("miss");
  });

  it("serves an expired copy once within stale-while-revalidate while it fetches the new one", async () => {
    await purgeProxy({ tags: ["feeds"] }, purgeEnv());
    const first = await get("/feed.xml");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const stale = await get("/feed.xml");
    expect(stale.body).toBe(first.body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get("/feed.xml")).body).not.toBe(first.body);
  });

  it("refuses purges from addresses outside the ACL and purges without keys", async () => {
    const foreign = await purge(port, "article:a", { localAddress: "127.0.0.2" });
    const keyless = await purge(port, null);
    expect([foreign.status, keyless.status]).toEqual([403, 400]);
  });

  it("keeps the crawler list in step with the page cache's", async () => {
    const { BOT_AGENTS } = await import("@/lib/cache/page-request");
    expect(readFileSync(SHIPPED_VCL, "utf8")).toContain(`"(?i)${BOT_AGENTS.source}"`);
  });
});
