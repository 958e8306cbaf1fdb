import { describe, expect, test } from "vitest";
import { bold, doc, figure, heading, link, newsletterSignup, paragraph, pullQuote, relatedStory, sidebar } from "../../tests/fixtures/story-body";
import { bodyToPlainText, collectReferences } from "./references";
import type { BodyNode } from "./types";

const listItem = (...content: BodyNode[]): BodyNode => ({ type: "listItem", content });
const list = (type: "bulletList" | "orderedList", ...items: BodyNode[]): BodyNode => ({ type, content: items });

describe("collectReferences", () => {
  test("collects every referenced record once, by kind", () => {
    const body = doc(
      figure("media1", "caption1"),
      paragraph("between"),
      figure("media1", "caption2"),
      figure("media2"),
      pullQuote("quote1"),
      sidebar("sidebar1"),
      relatedStory("article1", "Also read"),
      relatedStory("article1"),
      newsletterSignup(),
      { type: "scoreBox", attrs: { eventId: "event1" } },
      { type: "resultsTable", attrs: { eventId: "event1", limit: 3 } },
      { type: "standingsTable", attrs: { standingsId: "standings1", highlightStoryTeams: true } },
      { type: "medalTable", attrs: { medalTableId: "medals1", limit: 10 } },
      { type: "fixturesList", attrs: { competitionSeasonId: "season1", direction: "next", count: 5 } },
    );
    expect(collectReferences(body)).toEqual({
      mediaIds: ["media1", "media2"],
      captionIds: ["caption1", "caption2"],
      quoteIds: ["quote1"],
      sidebarIds: ["sidebar1"],
      articleIds: ["article1"],
      embedIds: [],
      sportsEventIds: ["event1"],
      standingsIds: ["standings1"],
      medalTableIds: ["medals1"],
      competitionSeasonIds: ["season1"],
      newsletterIds: [],
    });
  });

  test("finds references nested inside other nodes", () => {
    const body = doc(list("bulletList", listItem(paragraph("x"), pullQuote("deep"))));
    expect(collectReferences(body).quoteIds).toEqual(["deep"]);
  });

  test("ignores missing, empty and non-text ids", () => {
    const body = doc({ type: "figure" }, { type: "figure", attrs: { mediaId: "" } }, { type: "pullQuote", attrs: { quoteId: 42 } }, { type: "sidebar", attrs: { sidebarId: { id: "x" } } });
    expect(collectReferences(body)).toEqual({
      mediaIds: [],
      captionIds: [],
      quoteIds: [],
      sidebarIds: [],
      articleIds: [],
      embedIds: [],
      sportsEventIds: [],
      standingsIds: [],
      medalTableIds: [],
      competitionSeasonIds: [],
      newsletterIds: [],
    });
  });

  test("an id attribute on an unrelated node is not a reference", () => {
    expect(collectReferences(doc({ type: "paragraph", attrs: { mediaId: "media1" } })).mediaIds).toEqual([]);
  });
});

describe("bodyToPlainText", () => {
  test("puts one block per line and drops marks", () => {
    const body = doc(heading(2, "Ajax win the derby"), paragraph("A ", bold("late"), " winner."), paragraph("Read the ", link("report", "/report")));
    expect(bodyToPlainText(body)).toBe("Ajax win the derby\nA late winner.\nRead the report");
  });

  test("gives each list item's paragraphs their own line, nested lists included", () => {
    const nested = list("bulletList", listItem(paragraph("Nested")));
    const body = doc(list("orderedList", listItem(paragraph("First")), listItem(paragraph("Second"), nested)));
    expect(bodyToPlainText(body)).toBe("First\nSecond\nNested");
  });

  test("keeps a hard break as a line break inside its block", () => {
    expect(bodyToPlainText(doc(paragraph("Line one", { type: "hardBreak" }, "line two")))).toBe("Line one\nline two");
  });

  test("skips custom nodes and empty or blank blocks", () => {
    const body = doc(paragraph(), paragraph("   "), figure("media1"), pullQuote("quote1"), paragraph("  Padded  "));
    expect(bodyToPlainText(body)).toBe("Padded");
  });

  test("is empty for an empty document", () => {
    expect(bodyToPlainText({ type: "doc", content: [{ type: "paragraph" }] })).toBe("");
  });
});
