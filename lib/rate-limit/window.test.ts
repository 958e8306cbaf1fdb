import { beforeEach, describe, expect, it } from "vitest";
import { hitWindow, resetLocalWindows } from "./window";

const rule = { limit: 2, windowMs: 60_000 };

describe("fixed-window counting in this process (no REDIS_URL)", () => {
  beforeEach(() => resetLocalWindows());

  it("allows the limit, refuses the next with the seconds left in the window", async () => {
    expect((await hitWindow("k", rule, 1_000)).allowed).toBe(true);
    expect((await hitWindow("k", rule, 2_000)).allowed).toBe(true);
    expect(await hitWindow("k", rule, 31_000)).toEqual({ allowed: false, count: 3, retryAfterSeconds: 30 });
  });

  it("counts each key apart, and starts again once the window is over", async () => {
    await hitWindow("a", rule, 0);
    await hitWindow("a", rule, 0);
    expect((await hitWindow("b", rule, 0)).allowed).toBe(true);
    expect((await hitWindow("a", rule, 59_999)).allowed).toBe(false);
    expect(await hitWindow("a", rule, 60_000)).toMatchObject({ allowed: true, count: 1 });
  });
});
