import { beforeEach, describe, expect, it, vi } from "vitest";
import { cached, cacheStats, clearCache, invalidateTags } from "./tagged-cache";

beforeEach(() => clearCache());

describe("tagged cache", () => {
  it("loads once and then serves from memory", async () => {
    const load = vi.fn(async () => ({ value: 42, tags: ["a"] }));
    expect(await cached("k", load)).toBe(42);
    expect(await cached("k", load)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("shares one load between concurrent callers", async () => {
    const load = vi.fn(async () => ({ value: "v", tags: [] }));
    await Promise.all([cached("k", load), cached("k", load), cached("k", load)]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("drops exactly the entries carrying an invalidated tag", async () => {
    await cached("story", async () => ({ value: 1, tags: ["article:1", "section:a"] }));
    await cached("other", async () => ({ value: 2, tags: ["article:2"] }));
    expect(invalidateTags(["section:a"])).toBe(1);
    const reload = vi.fn(async () => ({ value: 3, tags: [] }));
    expect(await cached("story", reload)).toBe(3);
    expect(await cached("other", reload)).toBe(2);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("does not keep a value whose load began before an invalidation", async () => {
    let finish!: (value: { value: string; tags: string[] }) => void;
    const slow = cached("k", () => new Promise<{ value: string; tags: string[] }>((resolve) => (finish = resolve)));
    invalidateTags(["t"]);
    finish({ value: "stale", tags: ["t"] });
    expect(await slow).toBe("stale");
    expect(await cached("k", async () => ({ value: "fresh", tags: ["t"] }))).toBe("fresh");
  });

  it("does not cache a failed load", async () => {
    await expect(
      cached("k", async () => {
        throw new Error("db down");
      }),
    ).rejects.toThrow("db down");
    expect(await cached("k", async () => ({ value: "ok", tags: [] }))).toBe("ok");
    expect(cacheStats().entries).toBe(1);
  });
});
