import { afterEach, describe, expect, it, vi } from "vitest";
import { indexBytes, TaggedLru } from "./tagged-lru";

type Item = { tags: string[]; expiresAt: number; size: number };
const item = (tags: string[], size = 1, ttl = 60_000): Item => ({ tags, size, expiresAt: Date.now() + ttl });

describe("TaggedLru", () => {
  afterEach(() => vi.useRealTimers());

  it("evicts the least recently used entry past the entry limit", () => {
    const lru = new TaggedLru<Item>({ maxEntries: 2 });
    lru.set("a", item(["x"]));
    lru.set("b", item(["x"]));
    expect(lru.get("a")).not.toBeNull(); // a is now the most recent
    lru.set("c", item(["y"]));
    expect(lru.get("b")).toBeNull();
    expect(lru.get("a")).not.toBeNull();
    expect(lru.get("c")).not.toBeNull();
    expect(lru.stats()).toMatchObject({ entries: 2, hits: 3, misses: 1 });
  });

  it("evicts the oldest entries past the byte limit and keeps the byte count exact", () => {
    const lru = new TaggedLru<Item>({ maxEntries: 100, maxBytes: 10, sizeOf: (entry) => entry.size });
    lru.set("a", item([], 4));
    lru.set("b", item([], 4));
    lru.set("c", item([], 4));
    expect(lru.get("a")).toBeNull();
    expect(lru.stats()).toMatchObject({ entries: 2, bytes: 8 });
    lru.set("b", item([], 1)); // replacing counts the new size only
    expect(lru.stats().bytes).toBe(5);
  });

  it("drops every entry carrying a tag, and only those", () => {
    const lru = new TaggedLru<Item>({ maxEntries: 10 });
    lru.set("story", item(["story:1", "section:cricket"]));
    lru.set("section", item(["section:cricket"]));
    lru.set("other", item(["section:tennis"]));
    expect(lru.dropTagged(["section:cricket"])).toBe(2);
    expect(lru.get("story")).toBeNull();
    expect(lru.get("section")).toBeNull();
    expect(lru.get("other")).not.toBeNull();
    // A replaced entry is no longer indexed under its old tags.
    lru.set("other", item(["section:golf"]));
    expect(lru.dropTagged(["section:tennis"])).toBe(0);
    expect(lru.get("other")).not.toBeNull();
  });

  it("treats an expired entry as a miss and forgets it", () => {
    vi.useFakeTimers();
    const lru = new TaggedLru<Item>({ maxEntries: 10, sizeOf: (entry) => entry.size });
    lru.set("a", item(["x"], 3, 1_000));
    vi.advanceTimersByTime(1_001);
    expect(lru.get("a")).toBeNull();
    expect(lru.stats()).toMatchObject({ entries: 0, bytes: 0, misses: 1 });
  });

  it("counts keys and tags as the caches do, so the byte limit bounds them too", () => {
    const lru = new TaggedLru<Item>({ maxEntries: 10_000, maxBytes: 50_000, sizeOf: (entry, key) => entry.size + indexBytes(key, entry.tags) });
    lru.set("a", item(["article:1"], 100));
    const short = lru.stats().bytes;
    lru.set("b".repeat(2_000), item(["article:1"], 100));
    expect(lru.stats().bytes - short).toBeGreaterThanOrEqual(2_000);
    for (let i = 0; i < 1_000; i += 1) lru.set(`/page/${i}`.padEnd(300, "x"), item([`article:${i}`, "section:s"], 100));
    expect(lru.stats().bytes).toBeLessThanOrEqual(50_000);
    // 1,000 entries of 100 bytes each fit the limit; with their 300-character keys they do not.
    expect(lru.stats().entries).toBeLessThan(500);
  });

  it("does not store an entry larger than the whole limit, and keeps the others", () => {
    const lru = new TaggedLru<Item>({ maxEntries: 10, maxBytes: 100, sizeOf: (entry) => entry.size });
    lru.set("a", item([], 40));
    expect(lru.set("huge", item([], 101))).toBe(false);
    expect(lru.get("huge")).toBeNull();
    expect(lru.get("a")).not.toBeNull();
    expect(lru.stats().bytes).toBe(40);
  });
});
