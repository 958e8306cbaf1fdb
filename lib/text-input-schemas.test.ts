// Every schema that takes text from a person refuses the characters no database keeps the same
// way (lib/text-input.ts), so SQLite and PostgreSQL answer a NUL or a lone surrogate alike: 422.
import { describe, expect, it } from "vitest";
import { ArticleInput } from "./articles/schema";
import { CreateTagInput } from "./tags/schema";

describe("schemas refuse unstorable text", () => {
  it.each(["Final\u0000", "Goal \uD800"])("in a story's headline, kicker and tags: %j", (bad) => {
    const base = { slug: "final-score", body: { type: "doc", content: [] } };
    for (const field of [{ headline: bad }, { kicker: bad }, { tagNames: [bad] }]) {
      const result = ArticleInput.safeParse({ ...base, ...field });
      expect(result.success, JSON.stringify(field)).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/cannot be stored/);
    }
  });

  it("in a tag's name", () => {
    expect(CreateTagInput.safeParse({ name: "Cup\u0000" }).success).toBe(false);
  });
});
