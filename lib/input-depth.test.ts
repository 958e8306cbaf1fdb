import { describe, expect, it } from "vitest";
import { isNestedDeeperThan, jsonTextDepth } from "./input-depth";

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = level % 2 ? { a: value } : [value];
  return value;
}

describe("isNestedDeeperThan", () => {
  it("counts arrays and objects as levels, and nothing else", () => {
    expect(isNestedDeeperThan(nested(5), 5)).toBe(false);
    expect(isNestedDeeperThan(nested(6), 5)).toBe(true);
    expect(isNestedDeeperThan("text", 0)).toBe(false);
    expect(isNestedDeeperThan({ a: 1, b: "x", c: null }, 1)).toBe(false);
  });

  it("answers for a value nested 100,000 levels without overflowing the stack", () => {
    expect(isNestedDeeperThan(nested(100_000), 128)).toBe(true);
    expect(() => JSON.stringify(nested(100_000))).toThrow(RangeError);
  });

  it("treats a cycle as too deep instead of looping", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(isNestedDeeperThan(cycle, 50)).toBe(true);
  });
});

describe("jsonTextDepth", () => {
  it("measures brackets outside strings only", () => {
    expect(jsonTextDepth('[{"a":[1,{"b":2}]}]')).toBe(4);
    expect(jsonTextDepth('["[[[[", "\\"[[[{{{"]')).toBe(1);
    expect(jsonTextDepth("plain text")).toBe(0);
  });

  it("measures 100,000 levels in one pass", () => {
    expect(jsonTextDepth(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBe(100_000);
  });
});
