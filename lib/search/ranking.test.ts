import { describe, expect, it } from "vitest";
import { countedMatches, countLimit, isRankedSearch, RANKED_MATCH_LIMIT } from "./ranking";

describe("countLimit", () => {
  it("is the ranking limit, or the end of a page past it", () => {
    expect(countLimit({ page: 1, pageSize: 20 })).toBe(RANKED_MATCH_LIMIT);
    expect(countLimit({ page: 50, pageSize: 20 })).toBe(1000);
    expect(countLimit({ page: 51, pageSize: 20 })).toBe(1020);
    expect(countLimit({ page: 1, pageSize: 1, matchLimit: 2 })).toBe(2);
  });
});

describe("countedMatches and isRankedSearch", () => {
  it("read one past the limit as more, and rank only a full count within the ranking limit", () => {
    expect(countedMatches(1001, 1000)).toEqual({ total: 1001, isTotalCapped: true });
    expect(countedMatches(1000, 1000)).toEqual({ total: 1000, isTotalCapped: false });
    expect(isRankedSearch({}, 1000)).toBe(true);
    expect(isRankedSearch({}, 1001)).toBe(false);
    expect(isRankedSearch({ matchLimit: 2 }, 3)).toBe(false);
  });
});
