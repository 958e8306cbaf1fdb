import { describe, expect, it } from "vitest";
import { entryHeadline } from "./headline";

describe("an entry's headline", () => {
  it("is the first non-empty line of its text", () => {
    expect(entryHeadline({ bodyText: "\n  GOAL! City lead.  \nWhat a strike." })).toBe("GOAL! City lead.");
    expect(entryHeadline({ bodyText: "" })).toBe("");
  });

  it("is cut at a word with an ellipsis when longer than 110 characters", () => {
    const line = "word ".repeat(40).trim();
    const headline = entryHeadline({ bodyText: line });
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toMatch(/^(word )+word…$/);
    expect(entryHeadline({ bodyText: "x".repeat(200) })).toBe(`${"x".repeat(109)}…`);
  });
});
