// PAGE_CACHE_MAX_MB and DATA_CACHE_MAX_MB bound what the two caches hold, counted as they keep it
// (byte-size.ts): fresh modules and caches here, with a one-megabyte limit each.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type PageCache = typeof import("./page-cache");
type TaggedCache = typeof import("./tagged-cache");
let pages: PageCache;
let data: TaggedCache;
const MB = 1024 * 1024;

beforeAll(async () => {
  vi.stubEnv("PAGE_CACHE_MAX_MB", "1");
  vi.stubEnv("DATA_CACHE_MAX_MB", "1");
  delete globalThis.pressboxPageCache;
  delete globalThis.pressboxTaggedCache;
  vi.resetModules();
  pages = await import("./page-cache");
  data = await import("./tagged-cache");
});

// The unit files share one worker (vitest.config.mts): the next file gets the default limits and
// caches of its own.
afterAll(() => {
  vi.unstubAllEnvs();
  delete globalThis.pressboxPageCache;
  delete globalThis.pressboxTaggedCache;
  vi.resetModules();
});

// A page of random hex text: its gzip copy is about half its size.
function storePage(key: string, bytes: number, headers: Record<string, string> = {}): boolean {
  const context = { tags: new Set([`article:${key}`]), startedAt: data.cacheGeneration() };
  const body = Buffer.from(randomBytes(bytes / 2).toString("hex"));
  return pages.putPage(key, { status: 200, headers: { "content-type": "text/html", ...headers }, body }, context, data.cacheGeneration());
}

describe("cache byte limits", () => {
  it("counts a page's gzip copy, headers and key, not only its body", () => {
    data.clearCache();
    const policy = "script-src 'nonce-abc' 'strict-dynamic'; ".repeat(50);
    storePage("std /a", 20_000, { "content-security-policy": policy });
    const entry = pages.getPage("std /a")!;
    expect(entry.gzip).not.toBeNull();
    expect(pages.pageCacheStats().bytes).toBeGreaterThan(entry.body.length + entry.gzip!.length + policy.length + "std /a".length);
  });

  it("keeps the page cache within PAGE_CACHE_MAX_MB", () => {
    data.clearCache();
    for (let i = 0; i < 100; i += 1) expect(storePage(`std /story-${i}`, 50_000)).toBe(true);
    const { bytes, entries } = pages.pageCacheStats();
    expect(bytes).toBeLessThanOrEqual(MB);
    // No more pages than their bodies and gzip copies alone fit in a megabyte.
    const newest = pages.getPage("std /story-99")!;
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThanOrEqual(Math.floor(MB / (newest.body.length + newest.gzip!.length)));
  });

  it("keeps the data cache within DATA_CACHE_MAX_MB", async () => {
    data.clearCache();
    for (let i = 0; i < 100; i += 1) await data.cached(`value-${i}`, async () => ({ value: { body: "x".repeat(50_000), n: i }, tags: [`article:${i}`] }));
    const { bytes, entries } = data.cacheStats();
    expect(bytes).toBeLessThanOrEqual(MB);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThanOrEqual(21);
    expect(await data.cached("value-99", async () => ({ value: null, tags: [] }))).toEqual({ body: "x".repeat(50_000), n: 99 });
  });
});
