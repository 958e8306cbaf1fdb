// The production server (scripts/server.ts) on the seeded demo newsroom, alone and behind Varnish
// with the shipped VCL (deploy/varnish/pressbox.vcl), purging it (HTTP_CACHE_PURGE=varnish): what
// readers, signed-in staff and Varnish are told about each response, 304s from the app and from
// Varnish, and a write's invalidation (through the benchmark's clear-cache hook, which calls the
// same invalidateTags as every command) dropping exactly the tagged pages from Varnish. Skipped,
// saying why, where varnishd or vmod xkey is missing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIVATE_CACHE_CONTROL, SITE_TAG } from "@/lib/cache/http-headers";
import { findFreePort } from "../../scripts/process-group";
import { seedDatabase, startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { send, startVarnish, varnishMissing, type RunningVarnish } from "../support/varnish";

const missing = varnishMissing();
if (missing) console.log(`varnish-app: skipped: ${missing}`);

const SESSION = { cookie: "next-auth.session-token=not-a-real-session" };

describe.skipIf(missing !== null)("the production server behind Varnish", () => {
  let database: TestDatabase;
  let app: RunningServer;
  let varnish: RunningVarnish;
  let appPort = 0;
  let stories: string[] = [];
  const direct = (pathname: string, headers: Record<string, string> = {}, method = "GET") => send(appPort, pathname, { headers, method });
  const cached = (pathname: string, headers: Record<string, string> = {}) => send(varnish.port, pathname, { headers });
  const keysOf = (headers: Record<string, unknown>) => String(headers["surrogate-key"] ?? "").split(" ");

  beforeAll(async () => {
    database = await createSqliteDatabase("varnish-app");
    seedDatabase({ DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir });
    const varnishPort = await findFreePort();
    app = await startAppServer(
      { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: `http://127.0.0.1:${varnishPort}`, PRESSBOX_BENCH_HOOKS: "1" },
      path.join("test-results", "hostile", "varnish-app.log"),
    );
    appPort = Number(new URL(app.baseUrl).port);
    varnish = await startVarnish({ backends: [{ host: "127.0.0.1", port: appPort }], port: varnishPort });
    const front = await direct("/");
    stories = [...new Set([...front.body.matchAll(/href="(\/[a-z0-9-]+\/[a-z0-9-]+)"/g)].map((match) => match[1]))].filter((href) => !/^\/(tag|author|teams|athletes|competitions|matches)\//.test(href));
  });

  afterAll(async () => {
    await varnish?.stop();
    await app?.stop();
    if (database) removeDir(database.dir);
  });

  it("sends a public page with lifetimes, a strong ETag, Last-Modified and its cache tags, on a miss and on a hit", async () => {
    const miss = await direct(stories[0]);
    const hit = await direct(stories[0]);
    expect([miss.status, miss.headers["x-pressbox-cache"], hit.headers["x-pressbox-cache"]]).toEqual([200, "miss", "hit"]);
    for (const reply of [miss, hit]) {
      expect(reply.headers["cache-control"]).toBe("public, max-age=60, s-maxage=86400, stale-while-revalidate=60");
      expect(reply.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(Date.parse(String(reply.headers["last-modified"]))).toBeGreaterThan(Date.now() - 120_000);
      expect(keysOf(reply.headers)).toContain(SITE_TAG);
      expect(keysOf(reply.headers).some((key) => key.startsWith("article:"))).toBe(true);
      expect(String(reply.headers.xkey).split(/[ ,]+/).sort()).toEqual(keysOf(reply.headers).sort());
    }
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(hit.body).toBe(miss.body);
    console.log(`varnish-app: the front page carries ${keysOf((await direct("/")).headers).length} keys (${String((await direct("/")).headers["surrogate-key"]).length} bytes)`);
  });

  it("answers 304 without a body or a new Content-Security-Policy when the reader's copy is current", async () => {
    const page = await direct(stories[0]);
    const again = await direct(stories[0], { "if-none-match": String(page.headers.etag) });
    expect([again.status, again.body, again.headers["content-security-policy"]]).toEqual([304, "", undefined]);
    expect(again.headers.etag).toBe(page.headers.etag);
    const since = await direct(stories[0], { "if-modified-since": String(page.headers["last-modified"]) });
    expect(since.status).toBe(304);
  });

  it("answers 304 to a copy that travelled in the other encoding (the first, uncompressed answer's validator)", async () => {
    await direct("/__pressbox/clear-cache", {}, "POST");
    const first = await direct(stories[2]);
    expect(first.headers["x-pressbox-cache"]).toBe("miss");
    const gzipped = await direct(stories[2], { "accept-encoding": "gzip" });
    expect([gzipped.headers["x-pressbox-cache"], gzipped.headers["content-encoding"]]).toEqual(["hit", "gzip"]);
    expect(gzipped.headers.etag).not.toBe(first.headers.etag);
    const revalidated = await direct(stories[2], { "accept-encoding": "gzip", "if-none-match": String(first.headers.etag) });
    expect([revalidated.status, revalidated.headers.etag]).toEqual([304, first.headers.etag]);
    const other = await direct(stories[2], { "if-none-match": String(gzipped.headers.etag) });
    expect([other.status, other.headers.etag]).toEqual([304, gzipped.headers.etag]);
  });

  it("answers 304 on a fresh render too, when the bytes come out the same (a feed has no nonce)", async () => {
    const feed = await direct("/feed.xml");
    await direct("/__pressbox/clear-cache", {}, "POST");
    const again = await direct("/feed.xml", { "if-none-match": String(feed.headers.etag) });
    expect([again.status, again.headers["x-pressbox-cache"]]).toEqual([304, "miss"]);
  });

  it("answers a request carrying a session private and unstored, and keeps nothing it rendered", async () => {
    await direct("/__pressbox/clear-cache", {}, "POST");
    const signedIn = await direct(stories[1], SESSION);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    for (const header of ["etag", "surrogate-key", "xkey"]) expect(signedIn.headers[header]).toBeUndefined();
    expect((await direct(stories[1])).headers["x-pressbox-cache"]).toBe("miss");
    const fromCache = await direct(stories[1], SESSION);
    expect([fromCache.headers["x-pressbox-cache"], fromCache.headers["cache-control"]]).toEqual(["hit", PRIVATE_CACHE_CONTROL]);
    // Every other answer to a session, whatever its route said (a feed says public).
    expect((await direct("/feed.xml", SESSION)).headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("keeps staff screens, search and sign-in private", async () => {
    for (const pathname of ["/search?q=final", "/sign-in", "/newsroom"]) {
      const reply = await direct(pathname);
      expect(String(reply.headers["cache-control"] ?? "private")).not.toMatch(/public|s-maxage/);
      expect(reply.headers["surrogate-key"]).toBeUndefined();
    }
  });

  it("is served by Varnish after the first request, with 304s, passes and the keys hidden", async () => {
    const first = await cached(stories[0]);
    const second = await cached(stories[0]);
    expect([first.status, second.headers["x-cache"]]).toEqual([200, "hit"]);
    for (const header of ["xkey", "surrogate-key"]) expect(second.headers[header]).toBeUndefined();
    expect((await cached(stories[0], { "if-none-match": String(second.headers.etag) })).status).toBe(304);
    expect((await cached(stories[0], SESSION)).headers["x-cache"]).toBe("pass");
    expect((await cached("/newsroom")).headers["x-cache"]).toBe("pass");
  });

  it("drops from Varnish exactly the pages showing what a write invalidated, and everything on a full purge", async () => {
    const [a, b] = await Promise.all(stories.slice(0, 2).map(async (pathname) => keysOf((await direct(pathname)).headers)));
    const tag = a.find((key) => key.startsWith("article:") && !b.includes(key));
    expect(tag).toBeDefined();
    for (const pathname of stories.slice(0, 2)) {
      await cached(pathname);
      expect((await cached(pathname)).headers["x-cache"]).toBe("hit");
    }
    const invalidate = await fetch(`${app.baseUrl}/__pressbox/clear-cache`, { method: "POST", body: JSON.stringify({ tags: [tag] }) });
    expect(invalidate.status).toBe(200);
    // The hook answers before the purge is sent (a publish holds its answer until then).
    await expect.poll(async () => (await cached(stories[0])).headers["x-cache"], { timeout: 30_000 }).toBe("miss");
    expect((await cached(stories[1])).headers["x-cache"]).toBe("hit");
    await fetch(`${app.baseUrl}/__pressbox/clear-cache`, { method: "POST" });
    await expect.poll(async () => (await cached(stories[1])).headers["x-cache"], { timeout: 30_000 }).toBe("miss");
  });
});
