// Two editors save the same story from the same version: the second save is refused (409), the
// editor merges its story with the one now saved (lib/articles/merge/merge.ts) and saves the merge at
// the current version. Read back, both people's edits are there, or the clash was reported and
// the side chosen is what was saved. Base and "theirs" are read the way the editor reads them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createArticle } from "../../lib/articles/create-article";
import { loadStoryForEditor } from "../../lib/articles/editor-queries";
import { saveArticle } from "../../lib/articles/save/save-article";
import { mergeStories, type Choices } from "../../lib/articles/merge/merge";
import type { ArticleInput } from "../../lib/articles/schema";
import type { BodyNode } from "../../lib/editor/types";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { newRecordId } from "../fixtures/article-input";
import { doc, figure, paragraph, pullQuote, relatedStory, sidebar } from "../fixtures/story-body";

let editor: Actor;
let otherEditor: Actor;
let photo: { id: string };
let linked: { id: string };
let profiles: { id: string }[];

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, otherEditor] = await Promise.all([createStaff("EDITOR", "Eddie Editor"), createStaff("EDITOR", "Olga Other")]);
  photo = await db.media.findFirstOrThrow({ where: { altText: { not: "" } } });
  linked = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  profiles = await db.bylineProfile.findMany({ take: 3, orderBy: { name: "asc" } });
});

const QUOTE = { text: "We never stopped believing.", speaker: "The coach", speakerDescription: "", context: "said afterwards" };
const paragraphs = (...texts: string[]) => doc(...texts.map((text) => paragraph(text)));
const texts = (article: ArticleInput) => (article.body as { content: BodyNode[] }).content.map((node) => node.content?.map((t) => t.text).join("") ?? `[${node.type}]`);

// A draft saved once by the editor, as the editor opens it.
async function openedStory(changes: (article: ArticleInput) => Partial<ArticleInput> = () => ({})) {
  const { id } = await createArticle(editor, { headline: "Late winner" });
  const opened = await loadStoryForEditor(editor, id);
  const article = { ...opened.article, standfirst: "A header in the 90th minute.", body: paragraphs("One.", "Two.", "Three."), ...changes(opened.article) };
  const saved = await saveArticle(editor, { articleId: id, expectedVersion: opened.version, article });
  expect(saved.isChanged).toBe(true);
  return { id, base: await loadStoryForEditor(editor, id) };
}

// The other editor saves first; the editor's save from the same version is refused; the editor
// merges with the story as saved now and saves the merge at the current version.
async function crossSaves(change: { mine: (a: ArticleInput) => Partial<ArticleInput>; theirs: (a: ArticleInput) => Partial<ArticleInput> }, opening?: Parameters<typeof openedStory>[0]) {
  const { id, base } = await openedStory(opening);
  await saveArticle(otherEditor, { articleId: id, expectedVersion: base.version, article: { ...base.article, ...change.theirs(base.article) } });
  const mine = { ...base.article, ...change.mine(base.article) };
  await expect(saveArticle(editor, { articleId: id, expectedVersion: base.version, article: mine })).rejects.toMatchObject({ code: "CONFLICT", details: { savedBy: "Olga Other" } });
  const theirs = await loadStoryForEditor(editor, id);
  const merge = mergeStories(base.article, mine, theirs.article);
  // A merge that comes out exactly as theirs changes nothing, so the version stays.
  const saveMerge = async (choices: Choices = {}) => {
    const saved = await saveArticle(editor, { articleId: id, expectedVersion: theirs.version, article: merge.resolve(choices) });
    expect(saved.version).toBe(theirs.version + (saved.isChanged ? 1 : 0));
    return (await loadStoryForEditor(editor, id)).article;
  };
  return { id, merge, saveMerge };
}

describe("merging two saves made from the same version", () => {
  it("keeps both when they changed different fields (their standfirst is not reverted)", async () => {
    const { merge, saveMerge } = await crossSaves({ mine: () => ({ headline: "Late, late winner" }), theirs: () => ({ standfirst: "Their standfirst." }) });
    expect(merge.clashes).toEqual([]);
    expect(merge.theirChanges).toEqual(["standfirst"]);
    await expect(saveMerge()).resolves.toMatchObject({ headline: "Late, late winner", standfirst: "Their standfirst." });
  });

  it("reports the field both changed, and saves the side chosen with the rest merged", async () => {
    const { merge, saveMerge } = await crossSaves({ mine: () => ({ headline: "Mine" }), theirs: () => ({ headline: "Theirs", kicker: "Their kicker" }) });
    expect(merge.clashes).toEqual([{ id: "headline", label: "Headline", mine: "Mine", theirs: "Theirs" }]);
    await expect(saveMerge({ headline: "mine" })).resolves.toMatchObject({ headline: "Mine", kicker: "Their kicker" });
  });

  it("keeps an edit to a different paragraph from each side", async () => {
    const { merge, saveMerge } = await crossSaves({ mine: () => ({ body: paragraphs("One, mine.", "Two.", "Three.") }), theirs: () => ({ body: paragraphs("One.", "Two, theirs.", "Three.") }) });
    expect(merge.clashes).toEqual([]);
    expect(texts(await saveMerge())).toEqual(["One, mine.", "Two, theirs.", "Three."]);
  });

  it("keeps paragraphs both added at the end, theirs first", async () => {
    const { merge, saveMerge } = await crossSaves({ mine: () => ({ body: paragraphs("One.", "Two.", "Three.", "Mine.") }), theirs: () => ({ body: paragraphs("One.", "Two.", "Three.", "Theirs.") }) });
    expect(merge.clashes).toEqual([]);
    expect(texts(await saveMerge())).toEqual(["One.", "Two.", "Three.", "Theirs.", "Mine."]);
  });

  it("reports a paragraph I deleted that they edited, and keeps it when I choose theirs", async () => {
    const { merge, saveMerge } = await crossSaves({ mine: () => ({ body: paragraphs("One.", "Three.") }), theirs: () => ({ body: paragraphs("One.", "Two, corrected.", "Three.") }) });
    expect(merge.clashes).toEqual([expect.objectContaining({ id: "body:1-2", mine: "(removed)", theirs: "Two, corrected." })]);
    expect(texts(await saveMerge({ "body:1-2": "theirs" }))).toEqual(["One.", "Two, corrected.", "Three."]);
    expect(texts(merge.resolve({ "body:1-2": "mine" }))).toEqual(["One.", "Three."]);
  });

  it("merges a quote's speaker changed by me with its words changed by them, in the quote's own record", async () => {
    const quoteId = newRecordId();
    const withQuote = () => ({ body: doc(paragraph("One."), pullQuote(quoteId)), quotes: [{ id: quoteId, ...QUOTE }] });
    const { merge, saveMerge } = await crossSaves(
      {
        mine: (a) => ({ quotes: [{ ...a.quotes[0], speaker: "The captain" }] }),
        theirs: (a) => ({ quotes: [{ ...a.quotes[0], text: "We never, ever stopped." }] }),
      },
      withQuote,
    );
    expect(merge.clashes).toEqual([]);
    await saveMerge();
    expect(await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).toMatchObject({ text: "We never, ever stopped.", speaker: "The captain" });
  });

  it("reports a quote I removed whose words they edited; choosing mine removes block and record together", async () => {
    const quoteId = newRecordId();
    const { id, merge, saveMerge } = await crossSaves(
      {
        mine: () => ({ body: paragraphs("One."), quotes: [] }),
        theirs: (a) => ({ quotes: [{ ...a.quotes[0], text: "Edited by them." }] }),
      },
      () => ({ body: doc(paragraph("One."), pullQuote(quoteId)), quotes: [{ id: quoteId, ...QUOTE }] }),
    );
    expect(merge.clashes).toEqual([expect.objectContaining({ id: "body:1-2", mine: "(removed)", theirs: "Pull quote: “Edited by them.” (The coach)" })]);
    expect(texts(await saveMerge({ "body:1-2": "mine" }))).toEqual(["One."]);
    expect(await db.quote.count({ where: { articleId: id } })).toBe(0);
  });

  it("brings in a photo, a quote and a related story they added while I edited a paragraph, with their records", async () => {
    const [captionId, quoteId] = [newRecordId(), newRecordId()];
    const { id, merge, saveMerge } = await crossSaves({
      mine: () => ({ body: paragraphs("One.", "Two, mine.", "Three.") }),
      theirs: () => ({
        body: doc(paragraph("One."), figure(photo.id, captionId), paragraph("Two."), pullQuote(quoteId), paragraph("Three."), relatedStory(linked.id, "Also read")),
        captions: [{ id: captionId, mediaId: photo.id, text: "Their caption." }],
        quotes: [{ id: quoteId, ...QUOTE }],
      }),
    });
    expect(merge.clashes).toEqual([]);
    expect(merge.theirChanges).toEqual(["body", "pull quotes", "photo captions"]);
    const saved = await saveMerge();
    expect(texts(saved)).toEqual(["One.", "[figure]", "Two, mine.", "[pullQuote]", "Three.", "[relatedStory]"]);
    expect(saved.captions).toEqual([{ id: captionId, mediaId: photo.id, text: "Their caption." }]);
    expect(saved.quotes).toEqual([{ id: quoteId, ...QUOTE }]);
    expect(await db.relatedLink.findMany({ where: { fromArticleId: id }, select: { toArticleId: true, label: true } })).toEqual([{ toArticleId: linked.id, label: "Also read" }]);
  });

  it("merges a sidebar's heading changed by me with its text changed by them", async () => {
    const sidebarId = newRecordId();
    const { merge, saveMerge } = await crossSaves(
      {
        mine: (a) => ({ sidebars: [{ ...a.sidebars[0], heading: "How it works, explained" }] }),
        theirs: (a) => ({ sidebars: [{ ...a.sidebars[0], body: paragraphs("Their explanation.") }] }),
      },
      () => ({ body: doc(paragraph("One."), sidebar(sidebarId)), sidebars: [{ id: sidebarId, heading: "How it works", body: paragraphs("Inside.") }] }),
    );
    expect(merge.clashes).toEqual([]);
    await saveMerge();
    expect(await db.sidebar.findUniqueOrThrow({ where: { id: sidebarId } })).toMatchObject({ heading: "How it works, explained", body: paragraphs("Their explanation.") });
  });

  it("keeps tags added on both sides, a byline reordered on one, a byline removed there and added here; reports a byline removed there and changed here", async () => {
    const tag = (name: string) => `${name} ${newRecordId().slice(-6)}`;
    const [mineTag, theirTag] = [tag("Mine"), tag("Theirs")];
    const bylines = () => profiles.slice(0, 2).map((p) => ({ profileId: p.id, role: "REPORTER" as const }));
    const merged = await crossSaves(
      {
        mine: (a) => ({ tagNames: [...a.tagNames, mineTag], bylines: [...a.bylines].reverse() }),
        theirs: (a) => ({ tagNames: [...a.tagNames, theirTag] }),
      },
      () => ({ tagNames: ["Football"], bylines: bylines() }),
    );
    expect(merged.merge.clashes).toEqual([]);
    await expect(merged.saveMerge()).resolves.toMatchObject({ tagNames: ["Football", theirTag, mineTag], bylines: bylines().reverse() });

    const compatible = await crossSaves(
      {
        mine: (a) => ({ bylines: [...a.bylines, { profileId: profiles[2].id, role: "PHOTOGRAPHER" }] }),
        theirs: (a) => ({ bylines: [a.bylines[0]] }),
      },
      () => ({ bylines: bylines() }),
    );
    expect(compatible.merge.clashes).toEqual([]);
    await expect(compatible.saveMerge()).resolves.toMatchObject({ bylines: [bylines()[0], { profileId: profiles[2].id, role: "PHOTOGRAPHER" }] });

    const clashing = await crossSaves(
      {
        mine: (a) => ({ bylines: [a.bylines[0], { ...a.bylines[1], role: "EDITOR" }] }),
        theirs: (a) => ({ bylines: [a.bylines[0]] }),
      },
      () => ({ bylines: bylines() }),
    );
    expect(clashing.merge.clashes.map((c) => c.id)).toEqual(["bylines"]);
    await expect(clashing.saveMerge({ bylines: "mine" })).resolves.toMatchObject({ bylines: [bylines()[0], { ...bylines()[1], role: "EDITOR" }] });
  });
});
