import { describe, expect, it } from "vitest";
import { isPageInRange, pageCount, pageHref, parsePageParam } from "./pagination";

describe("parsePageParam", () => {
  it("defaults to page 1 and reads whole numbers", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("27")).toBe(27);
  });

  it("refuses anything that is not a page number", () => {
    for (const value of ["0", "-1", "1.5", "01", "abc", "", " 2", "1e3", "9999999", "2;DROP", ["1", "2"]]) {
      expect(parsePageParam(value), String(value)).toBeNull();
    }
  });
});

describe("page ranges", () => {
  it("keeps page 1 of an empty listing and refuses pages past the last", () => {
    expect(pageCount(0)).toBe(1);
    expect(isPageInRange(1, 0)).toBe(true);
    expect(isPageInRange(2, 0)).toBe(false);
    expect(pageCount(41, 20)).toBe(3);
    expect(isPageInRange(3, 41, 20)).toBe(true);
    expect(isPageInRange(4, 41, 20)).toBe(false);
  });

  it("links page 1 to the bare path and keeps other query values", () => {
    expect(pageHref("/football", 1)).toBe("/football");
    expect(pageHref("/football", 3)).toBe("/football?page=3");
    expect(pageHref("/search", 2, { q: "late winner", section: undefined })).toBe("/search?q=late+winner&page=2");
  });
});
