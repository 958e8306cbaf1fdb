import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseSearchTerms, toFtsMatch } from "./query";

describe("parseSearchTerms", () => {
  it("keeps the words and drops operators, quotes and SQL", () => {
    expect(parseSearchTerms(`"team pursuit" AND NOT Takagi*; DROP TABLE "Article"; --`).terms).toEqual(["team", "pursuit", "and", "not", "takagi", "drop", "table", "article"]);
    expect(parseSearchTerms("headline:(skater OR snow) NEAR/3 ^crash").terms).toEqual(["headline", "skater", "or", "snow", "near", "3", "crash"]);
  });

  it("answers no terms for empty or punctuation-only input", () => {
    for (const raw of [undefined, null, "", "   ", '""', "*", "() : ^ - + ' ;"]) expect(parseSearchTerms(raw).terms).toEqual([]);
  });

  it("keeps accented and non-Latin words whole", () => {
    expect(parseSearchTerms("Pérez São Paulo 東京 Müller").terms).toEqual(["pérez", "são", "paulo", "東京", "müller"]);
  });

  it("cuts very long input and caps the number of words", () => {
    const parsed = parseSearchTerms("goal ".repeat(400) + Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parsed.isShortened).toBe(true);
    expect(parsed.terms).toEqual(["goal"]);
    const many = parseSearchTerms(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
    expect(many.terms).toHaveLength(MAX_TERMS);
  });
});

describe("toFtsMatch", () => {
  it("quotes every word", () => {
    expect(toFtsMatch(["harbour", "city"])).toBe('"harbour" "city"');
  });

  it("only ever produces quoted words of letters and digits, whatever was typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000, unit: "binary" }), (raw) => {
        const { terms, text } = parseSearchTerms(raw);
        expect([...text].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        const match = toFtsMatch(terms);
        if (terms.length) expect(match).toMatch(/^("[\p{L}\p{M}\p{N}]+")( "[\p{L}\p{M}\p{N}]+")*$/u);
      }),
    );
  });
});
