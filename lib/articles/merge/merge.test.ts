import { describe, expect, test } from "vitest";
import { doc, link, paragraph, pullQuote, sidebar, heading } from "../../../tests/fixtures/story-body";
import type { BodyNode } from "../../editor/types";
import { getStorySchema } from "../../editor/schema";
import { ArticleInput } from "../schema";
import { mergeStories } from "./merge";
import { describeField } from "./merge-describe";

const QUOTE = "cquote00000000000000000001";
const SIDEBAR = "csidebar000000000000000001";
const PROFILES = ["cprofile00000000000000001", "cprofile00000000000000002", "cprofile00000000000000003"];

const quote = (text: string, speaker = "The coach") => ({ id: QUOTE, text, speaker, speakerDescription: "", context: "" });
const box = (heading: string, ...texts: string[]) => ({ id: SIDEBAR, heading, body: doc(...texts.map((t) => paragraph(t))) });

function story(changes: Partial<ArticleInput> = {}): ArticleInput {
  return ArticleInput.parse({
    headline: "Late winner",
    standfirst: "A header in the 90th minute.",
    slug: "late-winner",
    tagNames: ["Football", "Premier League"],
    bylines: [{ profileId: PROFILES[0] }],
    body: doc(paragraph("One."), paragraph("Two."), paragraph("Three.")),
    ...changes,
  });
}

const texts = (article: ArticleInput) => (article.body as { content: BodyNode[] }).content.map((node) => node.content?.map((t) => t.text).join("") ?? `[${node.type}]`);
const body = (...nodes: BodyNode[]) => ({ body: doc(...nodes) });
const paragraphs = (...lines: string[]) => body(...lines.map((line) => paragraph(line)));

describe("mergeStories: fields", () => {
  test("takes each side's change to a different field, and names what came from theirs", () => {
    const merge = mergeStories(story(), story({ standfirst: "Mine." }), story({ headline: "Theirs" }));
    expect(merge.clashes).toEqual([]);
    expect(merge.theirChanges).toEqual(["headline"]);
    expect(merge.resolve()).toMatchObject({ headline: "Theirs", standfirst: "Mine." });
  });

  test("reports a field both changed differently, with both texts, and saves the side chosen", () => {
    const merge = mergeStories(story(), story({ headline: "Mine", kicker: "K" }), story({ headline: "Theirs" }));
    expect(merge.clashes).toEqual([{ id: "headline", label: "Headline", mine: "Mine", theirs: "Theirs" }]);
    expect(merge.resolve({ headline: "mine" })).toMatchObject({ headline: "Mine", kicker: "K" });
    expect(merge.resolve({ headline: "theirs" })).toMatchObject({ headline: "Theirs", kicker: "K" });
    expect(() => merge.resolve()).toThrow(/headline/);
  });

  test("does not call the same change on both sides, or a trailing space, a clash", () => {
    const merge = mergeStories(story(), story({ headline: "Same", standfirst: "A header in the 90th minute. " }), story({ headline: "Same" }));
    expect(merge.clashes).toEqual([]);
    expect(merge.theirChanges).toEqual([]);
    expect(merge.resolve().headline).toBe("Same");
  });

  test("treats the hero photo and its caption as one value, and a cleared section as a change", () => {
    const hero = { mediaId: "cmedia0000000000000000001", caption: "Before." };
    const merge = mergeStories(story({ hero, sectionId: "csection00000000000000001" }), story({ hero: { ...hero, caption: "Mine." } }), story({ hero: { ...hero, caption: "Theirs." }, sectionId: null }));
    expect(merge.clashes.map((c) => c.id)).toEqual(["hero"]);
    expect(merge.resolve({ hero: "mine" })).toMatchObject({ hero: { caption: "Mine." }, sectionId: null });
  });
});

describe("mergeStories: tags and bylines", () => {
  test("combines teams, athletes and events added and removed on either side, each known by its id", () => {
    const [t1, t2, t3, a1, e1] = ["cteam0000000000000000000001", "cteam0000000000000000000002", "cteam0000000000000000000003", "cathlete00000000000000000001", "cevent000000000000000000001"];
    const merge = mergeStories(story({ teamIds: [t1, t2] }), story({ teamIds: [t1, t2, t3], athleteIds: [a1] }), story({ teamIds: [t2], eventIds: [e1] }));
    expect(merge.clashes).toEqual([]);
    expect(merge.resolve()).toMatchObject({ teamIds: [t2, t3], athleteIds: [a1], eventIds: [e1] });
    expect(merge.theirChanges).toEqual(["teams", "events"]);
  });

  test("shows teams, athletes and events by name in a clash, and an empty list as such", () => {
    const names = { team: (id: string) => ({ cteam0000000000000000000001: "Villa" })[id], event: () => "Final" };
    expect(describeField("teamIds", ["cteam0000000000000000000001", "cteam0000000000000000000002"], names)).toBe("Villa, cteam0000000000000000000002");
    expect(describeField("eventIds", ["cevent000000000000000000001"], names)).toBe("Final");
    expect(describeField("athleteIds", [], names)).toBe("(no athletes)");
  });

  test("combines tags added and removed on either side, a tag known by its slug", () => {
    const merge = mergeStories(story(), story({ tagNames: ["football", "Premier League", "Arsenal"] }), story({ tagNames: ["Football", "Chelsea"] }));
    expect(merge.clashes).toEqual([]);
    expect(merge.resolve().tagNames).toEqual(["Football", "Chelsea", "Arsenal"]);
    expect(merge.theirChanges).toEqual(["tags"]);
  });

  test("takes bylines reordered on one side only, and offers the whole list when both changed the same place", () => {
    const two = [
      { profileId: PROFILES[0], role: "REPORTER" as const },
      { profileId: PROFILES[1], role: "REPORTER" as const },
    ];
    const base = story({ bylines: two });
    const reordered = mergeStories(base, story({ bylines: [...two].reverse() }), base);
    expect(reordered.resolve().bylines.map((b) => b.profileId)).toEqual([PROFILES[1], PROFILES[0]]);

    const names = { profile: (id: string) => `Person ${PROFILES.indexOf(id) + 1}` };
    const clash = mergeStories(base, story({ bylines: [two[0], { ...two[1], role: "EDITOR" }] }), story({ bylines: [two[0]] }), names);
    expect(clash.clashes).toEqual([{ id: "bylines", label: "Bylines", mine: "Person 1 (reporter), Person 2 (editor)", theirs: "Person 1 (reporter)" }]);
    expect(clash.resolve({ bylines: "theirs" }).bylines).toEqual([two[0]]);
  });

  test("keeps a byline both sides added at the same place once, and calls different roles for it a clash", () => {
    const added = { profileId: PROFILES[2], role: "REPORTER" as const };
    expect(
      mergeStories(story(), story({ bylines: [{ profileId: PROFILES[0], role: "REPORTER" }, added] }), story({ bylines: [{ profileId: PROFILES[0], role: "REPORTER" }, added] })).resolve().bylines,
    ).toHaveLength(2);
    const roles = mergeStories(
      story(),
      story({ bylines: [{ profileId: PROFILES[0], role: "REPORTER" }, added] }),
      story({
        bylines: [
          { profileId: PROFILES[0], role: "REPORTER" },
          { ...added, role: "EDITOR" },
        ],
      }),
    );
    expect(roles.clashes.map((c) => c.id)).toEqual(["bylines"]);
  });
});

describe("mergeStories: body blocks", () => {
  test("keeps an edit to one paragraph on each side, even neighbouring ones", () => {
    const merge = mergeStories(story(), story(paragraphs("One.", "Two, mine.", "Three.")), story(paragraphs("One.", "Two.", "Three, theirs.")));
    expect(merge.clashes).toEqual([]);
    expect(texts(merge.resolve())).toEqual(["One.", "Two, mine.", "Three, theirs."]);
    expect(merge.theirChanges).toEqual(["body"]);
  });

  test("keeps paragraphs added at the same place on both sides, theirs first, and a deletion on one side", () => {
    const merge = mergeStories(story(), story(paragraphs("One.", "Mine A.", "Mine B.", "Two.", "Three.")), story(paragraphs("Theirs.", "One.", "Theirs A.", "Two.")));
    expect(merge.clashes).toEqual([]);
    expect(texts(merge.resolve())).toEqual(["Theirs.", "One.", "Theirs A.", "Mine A.", "Mine B.", "Two."]);
  });

  test("counts typing into the same empty paragraph as adding on both sides", () => {
    const base = story(body(paragraph("One."), { type: "paragraph" }));
    const merge = mergeStories(base, story(paragraphs("One.", "Mine.")), story(paragraphs("One.", "Theirs.")));
    expect(merge.clashes).toEqual([]);
    expect(texts(merge.resolve())).toEqual(["One.", "Theirs.", "Mine."]);
  });

  test("reports one paragraph edited differently on both sides, with both versions, and keeps the choice", () => {
    const merge = mergeStories(story(), story(paragraphs("One.", "Two, mine.", "Three.")), story(paragraphs("One.", "Two, theirs.", "Three.")));
    expect(merge.clashes).toEqual([{ id: "body:1-2", label: "Body: Two.", mine: "Two, mine.", theirs: "Two, theirs." }]);
    expect(texts(merge.resolve({ "body:1-2": "mine" }))).toEqual(["One.", "Two, mine.", "Three."]);
    expect(texts(merge.resolve({ "body:1-2": "theirs" }))).toEqual(["One.", "Two, theirs.", "Three."]);
  });

  test("reports a paragraph deleted on one side and edited on the other", () => {
    const merge = mergeStories(story(), story(paragraphs("One.", "Three.")), story(paragraphs("One.", "Two, longer.", "Three.")));
    expect(merge.clashes).toEqual([expect.objectContaining({ id: "body:1-2", mine: "(removed)", theirs: "Two, longer." })]);
  });

  test("compares blocks in the form the editor makes them, whatever key order or defaults they were stored with", () => {
    const stored = paragraph("See ", link("the table", "https://example.com/table"));
    const fromEditor = getStorySchema().nodeFromJSON(stored).toJSON() as BodyNode;
    const jsonbOrder = JSON.parse(
      JSON.stringify(fromEditor, (key, value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value)),
    ) as BodyNode;
    expect(fromEditor.content?.[1].marks?.[0].attrs).not.toEqual(stored.content?.[1].marks?.[0].attrs);
    const merge = mergeStories(story(body(stored, paragraph("Two."))), story(body(fromEditor, paragraph("Two, mine."))), story(body(jsonbOrder, paragraph("Two."))));
    expect(merge.clashes).toEqual([]);
    expect(merge.theirChanges).toEqual([]);
    expect(texts(merge.resolve())).toEqual(["See the table", "Two, mine."]);
  });
});

describe("mergeStories: blocks with records", () => {
  const withQuote = (text = "We never stopped.", speaker = "The coach") => story({ ...body(paragraph("One."), pullQuote(QUOTE), paragraph("Two.")), quotes: [quote(text, speaker)] });

  test("merges a quote's fields changed on different sides and keeps the quote with the body", () => {
    const merge = mergeStories(withQuote(), withQuote("We never stopped.", "The captain"), withQuote("We never, ever stopped."));
    expect(merge.clashes).toEqual([]);
    expect(merge.resolve().quotes).toEqual([quote("We never, ever stopped.", "The captain")]);
    expect(merge.theirChanges).toEqual(["pull quotes"]);
  });

  test("reports a quote field both changed differently", () => {
    const merge = mergeStories(withQuote(), withQuote("Mine."), withQuote("Theirs."));
    const id = `quotes:${QUOTE}:text`;
    expect(merge.clashes).toEqual([{ id, label: "Pull quote “Theirs.”: words", mine: "Mine.", theirs: "Theirs." }]);
    expect(merge.resolve({ [id]: "mine" }).quotes[0].text).toBe("Mine.");
  });

  test("reports a quote removed on one side whose words were edited on the other; either choice keeps body and records in step", () => {
    const removed = story(paragraphs("One.", "Two."));
    const merge = mergeStories(withQuote(), removed, withQuote("Edited by them."));
    expect(merge.clashes).toEqual([expect.objectContaining({ id: "body:1-2", mine: "(removed)", theirs: "Pull quote: “Edited by them.” (The coach)" })]);
    const kept = merge.resolve({ "body:1-2": "theirs" });
    expect([texts(kept), kept.quotes]).toEqual([["One.", "[pullQuote]", "Two."], [quote("Edited by them.")]]);
    const dropped = merge.resolve({ "body:1-2": "mine" });
    expect([texts(dropped), dropped.quotes]).toEqual([["One.", "Two."], []]);
  });

  test("lets a quote removed on one side go when the other side did not touch it", () => {
    const merge = mergeStories(withQuote(), story(paragraphs("One.", "Two.")), withQuote());
    expect(merge.clashes).toEqual([]);
    expect(merge.resolve().quotes).toEqual([]);
  });

  test("brings in a quote block they added, with its record, next to a paragraph I added", () => {
    const merge = mergeStories(
      story(),
      story(paragraphs("One.", "Two.", "Three.", "Mine.")),
      story({ ...body(paragraph("One."), paragraph("Two."), paragraph("Three."), pullQuote(QUOTE)), quotes: [quote("New.")] }),
    );
    expect(merge.clashes).toEqual([]);
    const merged = merge.resolve();
    expect([texts(merged), merged.quotes]).toEqual([["One.", "Two.", "Three.", "[pullQuote]", "Mine."], [quote("New.")]]);
    expect(merge.theirChanges).toEqual(["body", "pull quotes"]);
  });

  test("merges a sidebar's heading changed on one side and its text on the other, and keeps a block both moved once", () => {
    const base = story({ ...body(sidebar(SIDEBAR), paragraph("One."), paragraph("Two.")), sidebars: [box("Box", "Inside.")] });
    const mine = story({ ...body(paragraph("One."), sidebar(SIDEBAR), paragraph("Two.")), sidebars: [box("Box, mine", "Inside.")] });
    const theirs = story({ ...body(paragraph("One."), paragraph("Two."), sidebar(SIDEBAR)), sidebars: [box("Box", "Inside, theirs.")] });
    const merge = mergeStories(base, mine, theirs);
    const merged = merge.resolve(Object.fromEntries(merge.clashes.map((c) => [c.id, "mine"])));
    expect(merged.sidebars).toEqual([box("Box, mine", "Inside, theirs.")]);
    expect(texts(merged).filter((t) => t === "[sidebar]")).toHaveLength(1);
  });

  test("keeps a sidebar moved on one side with the text edited on the other", () => {
    const base = story({ ...body(sidebar(SIDEBAR), paragraph("One."), paragraph("Two.")), sidebars: [box("Box", "Inside.")] });
    const mine = story({ ...body(paragraph("One."), sidebar(SIDEBAR), paragraph("Two.")), sidebars: [box("Box", "Inside.")] });
    const theirs = story({ ...body(sidebar(SIDEBAR), paragraph("One."), paragraph("Two, theirs.")), sidebars: [box("Box", "Inside, theirs.")] });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.clashes).toEqual([]);
    const merged = merge.resolve();
    expect([texts(merged), merged.sidebars]).toEqual([["One.", "[sidebar]", "Two, theirs."], [box("Box", "Inside, theirs.")]]);
  });

  test("keeps a heading edited on one side next to a quote whose record was edited on the other", () => {
    const base = story({ ...body(heading(2, "Reaction"), pullQuote(QUOTE)), quotes: [quote("Before.")] });
    const merge = mergeStories(
      base,
      story({ ...body(heading(2, "Reactions"), pullQuote(QUOTE)), quotes: [quote("Before.")] }),
      story({ ...body(heading(2, "Reaction"), pullQuote(QUOTE)), quotes: [quote("After.")] }),
    );
    expect(merge.clashes).toEqual([]);
    const merged = merge.resolve();
    expect([texts(merged), merged.quotes[0].text]).toEqual([["Reactions", "[pullQuote]"], "After."]);
    expect(merge.theirChanges).toEqual(["pull quotes"]);
  });
});
