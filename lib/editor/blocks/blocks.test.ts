import { describe, expect, test } from "vitest";
import { doc, figure, heading, newsletterSignup, paragraph, pullQuote, relatedStory, sidebar } from "../../../tests/fixtures/story-body";
import { getStorySchema } from "../schema";
import { parseStoryBody } from "../validate";
import { walkBody } from "../walk";
import type { BodyNode } from "../types";
import { BLOCKS, blockOf } from ".";
import type { GateRecords } from "./block";
import { relatedLinksOf } from "./related-story";

const id = (name: string) => `c${name.padEnd(24, "0")}`;
const list = (...items: BodyNode[][]): BodyNode => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content })) });
const noRecords: GateRecords = { quotes: [], sidebars: [], relatedLinks: [] };
const gateOf = (name: string) => BLOCKS.find((block) => block.name === name)!.gate!;

describe("the block registry", () => {
  test("each module's node is in the story schema under the module's name, once", () => {
    const names = BLOCKS.map((block) => block.name);
    expect(new Set(names).size).toBe(names.length);
    expect(BLOCKS.map((block) => block.node.name)).toEqual(names);
    expect(Object.keys(getStorySchema().nodes)).toEqual(expect.arrayContaining(names));
    expect(blockOf({ type: "paragraph" })).toBeUndefined();
  });
});

describe("one walk over a body", () => {
  const body = doc(
    heading(2, "Title"),
    figure(id("m1"), id("k1")),
    list([paragraph("In a list"), pullQuote(id("q1"))]),
    sidebar(id("s1")),
    relatedStory(id("a1"), "Also"),
    { type: "relatedStory", attrs: { articleId: null, label: "" } },
    newsletterSignup(),
    paragraph("End."),
  );

  test("visits every node once", () => {
    const seen: string[] = [];
    walkBody(body, { enter: (node) => void seen.push(node.type) });
    // doc, heading+text, figure, list+item+paragraph+text+quote, sidebar, 2 teasers, newsletter, paragraph+text
    expect(seen).toHaveLength(15);
    expect(seen.filter((type) => type === "text")).toHaveLength(3);
  });

  test("validates and reads references, blocks in body order and search text together", () => {
    const { doc: parsed, facts } = parseStoryBody(body);
    expect(parsed).toBe(body);
    expect(facts.references).toEqual({
      mediaIds: [id("m1")],
      captionIds: [id("k1")],
      quoteIds: [id("q1")],
      sidebarIds: [id("s1")],
      articleIds: [id("a1")],
      embedIds: [],
      sportsEventIds: [],
      standingsIds: [],
      medalTableIds: [],
      competitionSeasonIds: [],
      newsletterIds: [],
    });
    expect(facts.blocks.map((node) => node.type)).toEqual(["figure", "pullQuote", "sidebar", "relatedStory", "relatedStory", "newsletterSignup"]);
    expect(facts.text).toBe("Title\nIn a list\nEnd.");
  });

  test("refuses an invalid body with the same problems as parseBody", () => {
    expect(() => parseStoryBody(doc(pullQuote("not an id")))).toThrow(/"pullQuote" needs a valid quoteId/);
  });
});

describe("related-story links", () => {
  test("are the chosen teasers in body order with their labels", () => {
    const blocks = [relatedStory(id("a2"), "First"), { type: "relatedStory", attrs: { articleId: null, label: "x" } }, relatedStory(id("a1"))];
    expect(relatedLinksOf(blocks)).toEqual([
      { toArticleId: id("a2"), label: "First" },
      { toArticleId: id("a1"), label: "" },
    ]);
  });
});

describe("what the publish gate asks of each block", () => {
  test("a pull quote names the first wordless or unattributed quote in body order", () => {
    const quotes = [
      { id: id("q1"), text: "", speaker: "" },
      { id: id("q2"), text: "", speaker: "Ann" },
    ];
    const problems = gateOf("pullQuote")({ nodes: [pullQuote(id("q2")), pullQuote(id("q1"))], records: { ...noRecords, quotes } });
    expect(problems).toEqual([
      { message: "A pull quote has no words.", target: { kind: "block", type: "pullQuote", attr: "quoteId", value: id("q2") } },
      { message: "A pull quote has no speaker.", target: { kind: "block", type: "pullQuote", attr: "quoteId", value: id("q1") } },
    ]);
  });

  test("a sidebar needs a heading", () => {
    const records = {
      ...noRecords,
      sidebars: [
        { id: id("s1"), heading: "Fine" },
        { id: id("s2"), heading: " " },
      ],
    };
    expect(gateOf("sidebar")({ nodes: [], records }).map((p) => p.target)).toEqual([{ kind: "block", type: "sidebar", attr: "sidebarId", value: id("s2") }]);
  });

  test("a teaser needs a chosen, published story", () => {
    const relatedLinks = [{ toArticleId: id("a1"), toArticle: { headline: "Draft one", status: "DRAFT" } }];
    const nodes = [relatedStory(id("a1")), { type: "relatedStory", attrs: { articleId: null, label: "" } }];
    expect(gateOf("relatedStory")({ nodes, records: { ...noRecords, relatedLinks } }).map((p) => p.message)).toEqual([
      "A related-story teaser has no story chosen.",
      'The related story "Draft one" is not published.',
    ]);
  });

  test("an embed needs an address", () => {
    const filled = { type: "embed", attrs: { embedId: id("e1"), url: "https://youtu.be/dQw4w9WgXcQ" } };
    expect(gateOf("embed")({ nodes: [filled], records: noRecords })).toEqual([]);
    expect(gateOf("embed")({ nodes: [filled, { type: "embed", attrs: { embedId: null, url: "" } }], records: noRecords })).toEqual([
      { message: "An embed has no address.", target: { kind: "block", type: "embed", attr: "embedId", value: null } },
    ]);
  });

  test("figures and newsletter sign-ups add nothing of their own (photos are checked with the hero)", () => {
    expect(BLOCKS.filter((block) => block.gate).map((block) => block.name)).toEqual([
      "pullQuote",
      "sidebar",
      "relatedStory",
      "embed",
      "scoreBox",
      "resultsTable",
      "standingsTable",
      "medalTable",
      "fixturesList",
    ]);
  });

  test.each([
    ["scoreBox", "eventId", "A score box has no match chosen."],
    ["resultsTable", "eventId", "A results table has no event chosen."],
    ["standingsTable", "standingsId", "A standings table has no table chosen."],
    ["medalTable", "medalTableId", "A medal table has no table chosen."],
    ["fixturesList", "competitionSeasonId", "A fixtures list has no competition chosen."],
  ])("a %s needs its record chosen (%s), once however many lack one", (type, attr, message) => {
    const chosen = { type, attrs: { [attr]: id("r1") } };
    const unchosen = { type, attrs: { [attr]: null } };
    expect(gateOf(type)({ nodes: [chosen], records: noRecords })).toEqual([]);
    expect(gateOf(type)({ nodes: [chosen, unchosen, unchosen], records: noRecords })).toEqual([{ message, target: { kind: "block", type, attr, value: null } }]);
  });
});

describe("the sports blocks", () => {
  const sports: BodyNode[] = [
    { type: "scoreBox", attrs: { eventId: id("e1") } },
    { type: "resultsTable", attrs: { eventId: id("e1"), limit: 8 } },
    { type: "standingsTable", attrs: { standingsId: id("t1"), highlightStoryTeams: false } },
    { type: "medalTable", attrs: { medalTableId: id("d1"), limit: 0 } },
    { type: "fixturesList", attrs: { competitionSeasonId: id("c1"), direction: "last", count: 20 } },
  ];

  test("collect their records into the body's references", () => {
    const { facts } = parseStoryBody(doc(...sports, { type: "scoreBox", attrs: { eventId: null } }));
    expect(facts.references).toMatchObject({ sportsEventIds: [id("e1")], standingsIds: [id("t1")], medalTableIds: [id("d1")], competitionSeasonIds: [id("c1")] });
    expect(facts.blocks.map((node) => node.type)).toEqual(["scoreBox", "resultsTable", "standingsTable", "medalTable", "fixturesList", "scoreBox"]);
  });

  test.each([
    [{ type: "scoreBox", attrs: { eventId: "not an id" } }, /"scoreBox" needs a valid eventId/],
    [{ type: "resultsTable", attrs: { eventId: id("e1"), limit: 201 } }, /results-table limit must be a whole number from 0 to 200/],
    [{ type: "standingsTable", attrs: { standingsId: id("t1"), highlightStoryTeams: "yes" } }, /standings highlightStoryTeams must be true or false/],
    [{ type: "medalTable", attrs: { medalTableId: id("d1"), limit: 1.5 } }, /medal-table limit must be a whole number from 0 to 300/],
    [{ type: "fixturesList", attrs: { competitionSeasonId: id("c1"), direction: "soon", count: 5 } }, /fixtures direction must be one of next, last/],
    [{ type: "fixturesList", attrs: { competitionSeasonId: id("c1"), direction: "next", count: 0 } }, /fixtures count must be a whole number from 1 to 20/],
  ])("refuse a bad attribute: %j", (node, problem) => {
    expect(() => parseStoryBody(doc(node as BodyNode))).toThrow(problem);
  });
});
