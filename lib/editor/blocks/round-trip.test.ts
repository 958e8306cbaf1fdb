// @vitest-environment happy-dom
// Every story block survives the trip through HTML that copy and paste take (getHTML, then
// setContent of that HTML): the same JSON comes back, each record id in its own attribute.
import { afterEach, describe, expect, test } from "vitest";
import { Editor, type JSONContent } from "@tiptap/core";
import { storyExtensions } from "../extensions";

const ID = {
  media: "cmedia000000000000000001",
  caption: "ccaption0000000000000001",
  quote: "cquote000000000000000001",
  sidebar: "csidebar0000000000000001",
  article: "carticle0000000000000001",
  embed: "cembed000000000000000001",
  event: "cevent000000000000000001",
  standings: "cstandings00000000000001",
  medalTable: "cmedaltable0000000000001",
  season: "cseason00000000000000001",
  newsletter: "cnewsletter0000000000001",
};

const BLOCKS: Record<string, JSONContent> = {
  figure: { type: "figure", attrs: { mediaId: ID.media, captionId: ID.caption } },
  "figure without its own caption": { type: "figure", attrs: { mediaId: ID.media, captionId: null } },
  pullQuote: { type: "pullQuote", attrs: { quoteId: ID.quote } },
  sidebar: { type: "sidebar", attrs: { sidebarId: ID.sidebar } },
  relatedStory: { type: "relatedStory", attrs: { articleId: ID.article, label: "Also read" } },
  "relatedStory with no story yet": { type: "relatedStory", attrs: { articleId: null, label: "" } },
  "newsletterSignup offering the main newsletter": { type: "newsletterSignup", attrs: { newsletterId: null } },
  "newsletterSignup offering a chosen newsletter": { type: "newsletterSignup", attrs: { newsletterId: ID.newsletter } },
  embed: { type: "embed", attrs: { embedId: ID.embed, url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3" } },
  "embed with no address yet": { type: "embed", attrs: { embedId: null, url: "" } },
  scoreBox: { type: "scoreBox", attrs: { eventId: ID.event } },
  "scoreBox with no match yet": { type: "scoreBox", attrs: { eventId: null } },
  resultsTable: { type: "resultsTable", attrs: { eventId: ID.event, limit: 8 } },
  "resultsTable of everyone, no event yet": { type: "resultsTable", attrs: { eventId: null, limit: 0 } },
  standingsTable: { type: "standingsTable", attrs: { standingsId: ID.standings, highlightStoryTeams: true } },
  "standingsTable without highlights": { type: "standingsTable", attrs: { standingsId: ID.standings, highlightStoryTeams: false } },
  medalTable: { type: "medalTable", attrs: { medalTableId: ID.medalTable, limit: 10 } },
  "medalTable in full": { type: "medalTable", attrs: { medalTableId: ID.medalTable, limit: 0 } },
  fixturesList: { type: "fixturesList", attrs: { competitionSeasonId: ID.season, direction: "next", count: 5 } },
  "fixturesList of the last 20": { type: "fixturesList", attrs: { competitionSeasonId: ID.season, direction: "last", count: 20 } },
};

const editors: Editor[] = [];
function editorWith(content: JSONContent | string): Editor {
  const editor = new Editor({ element: document.createElement("div"), extensions: storyExtensions(), content });
  editors.push(editor);
  return editor;
}

afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

describe("story blocks round-trip through HTML", () => {
  test.each(Object.entries(BLOCKS))("%s comes back unchanged", (_name, block) => {
    const doc: JSONContent = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Before." }] }, block] };
    const original = editorWith(doc).getJSON();
    const html = editorWith(original).getHTML();
    expect(editorWith(html).getJSON()).toEqual(original);
    expect(original.content?.[1]).toMatchObject(block);
  });

  test("a figure writes its caption id, never its media id, as data-caption-id", () => {
    const html = editorWith({ type: "doc", content: [BLOCKS.figure] }).getHTML();
    expect(html).toContain(`data-media-id="${ID.media}"`);
    expect(html).toContain(`data-caption-id="${ID.caption}"`);
    expect(html).not.toContain(`data-caption-id="${ID.media}"`);
  });

  test("a newsletter sign-up writes its newsletter as data-newsletter-id, and pasted HTML cannot name anything but a record id", () => {
    expect(editorWith({ type: "doc", content: [BLOCKS["newsletterSignup offering a chosen newsletter"]] }).getHTML()).toContain(`data-newsletter-id="${ID.newsletter}"`);
    const html = `<div data-type="newsletterSignup" data-newsletter-id="javascript:alert(1)"></div>`;
    expect(editorWith(html).getJSON().content?.[0]).toEqual({ type: "newsletterSignup", attrs: { newsletterId: null } });
  });

  test("pasted HTML cannot give an embed a javascript: address", () => {
    const html = `<div data-type="embed" data-embed-id="${ID.embed}" data-url="javascript:alert(1)"></div>`;
    expect(editorWith(html).getJSON().content?.[0]).toEqual({ type: "embed", attrs: { embedId: ID.embed, url: "" } });
  });

  test("pasted HTML cannot give a sports block an option out of range: it reads as the default", () => {
    const html = [
      `<div data-type="resultsTable" data-event-id="${ID.event}" data-limit="999"></div>`,
      `<div data-type="medalTable" data-medal-table-id="${ID.medalTable}" data-limit="-3"></div>`,
      `<div data-type="fixturesList" data-competition-season-id="${ID.season}" data-direction="sideways" data-count="0"></div>`,
      `<div data-type="standingsTable" data-standings-id="javascript:alert(1)" data-highlight-story-teams="maybe"></div>`,
    ].join("");
    expect(editorWith(html).getJSON().content).toEqual([
      { type: "resultsTable", attrs: { eventId: ID.event, limit: 0 } },
      { type: "medalTable", attrs: { medalTableId: ID.medalTable, limit: 10 } },
      { type: "fixturesList", attrs: { competitionSeasonId: ID.season, direction: "next", count: 5 } },
      { type: "standingsTable", attrs: { standingsId: null, highlightStoryTeams: true } },
    ]);
  });

  test("every block type of the story schema is covered here", () => {
    const schema = editorWith({ type: "doc", content: [] }).schema;
    const blockTypes = Object.keys(schema.nodes).filter((name) => schema.nodes[name].isAtom && schema.nodes[name].isBlock);
    expect(blockTypes.sort()).toEqual([...new Set(Object.values(BLOCKS).map((block) => block.type))].sort());
  });
});
