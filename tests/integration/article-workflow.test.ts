// Saving, conflicts, revisions, the publish gate and scheduling, on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle, scheduleArticle, submitForReview, unpublishArticle } from "../../lib/articles/workflow";
import { publishDueArticles } from "../../lib/articles/publish/publish-due";
import { addArticleNote } from "../../lib/articles/notes";
import { readSnapshot } from "../../lib/articles/history/snapshot";
import { normalizeSnapshot } from "../../lib/articles/publish/working-copy";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { currentInput, newRecordId, paragraph } from "../fixtures/article-input";

let editor: Actor;
let otherEditor: Actor;
let contributor: Actor;
let section: { id: string; slug: string };
let profile: { id: string };
let photo: { id: string };

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, otherEditor, contributor] = await Promise.all([createStaff("EDITOR", "Eddie Editor"), createStaff("EDITOR", "Olga Other"), createStaff("CONTRIBUTOR")]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  profile = await db.bylineProfile.findFirstOrThrow();
  photo = await db.media.findFirstOrThrow({ where: { altText: { not: "" }, agencyId: { not: null } } });
});

async function readyDraft(actor: Actor = editor) {
  const { id } = await createArticle(actor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const quoteId = newRecordId();
  const saved = await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: "Skater wins at last",
      standfirst: "A first gold after three silvers.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      hero: { mediaId: photo.id, caption: "On the podium." },
      tagNames: ["Test tag", "Winter Olympics"],
      body: { type: "doc", content: [paragraph("First paragraph."), { type: "pullQuote", attrs: { quoteId } }] },
      quotes: [{ id: quoteId, text: "At last.", speaker: "The skater", speakerDescription: "", context: "said afterwards" }],
    },
  });
  return { id, version: saved.version, quoteId };
}

describe("saving a story", () => {
  it("writes fields, body and the records the body refers to, and keeps a revision", async () => {
    const { id, version, quoteId } = await readyDraft();
    const story = await db.article.findUniqueOrThrow({ where: { id }, include: { quotes: true, tags: { include: { tag: true } }, bylines: true, heroCaption: true, revisions: true } });
    expect(story).toMatchObject({ headline: "Skater wins at last", version, bodyText: "First paragraph." });
    expect(story.quotes.map((q) => q.id)).toEqual([quoteId]);
    expect(story.tags.map((t) => t.tag.name).sort()).toEqual(["Test tag", "Winter Olympics"]);
    expect(story.heroCaption?.text).toBe("On the podium.");
    expect(story.revisions).toHaveLength(1);
  });

  it("keeps as the revision the story as its rows now hold it, an existing tag keeping its own spelling", async () => {
    const { id } = await readyDraft();
    const { version, article } = await currentInput(id);
    await saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, tagNames: ["WINTER olympics", "Test tag", "test-tag"] } });
    const newest = await db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { articleVersion: "desc" } });
    const stored = await db.$transaction((tx) => readSnapshot(tx, id));
    expect(stored.tagNames).toEqual(["Winter Olympics", "Test tag"]);
    expect(newest.snapshot).toEqual(JSON.parse(JSON.stringify(normalizeSnapshot(stored))));
  });

  it("refuses a stale save with 409 naming who saved in between, and writes nothing", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    await saveArticle(otherEditor, { articleId: id, expectedVersion: version, article: { ...article, headline: "Olga's headline" } });
    const stale = saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, headline: "Eddie's headline" } });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", details: { savedBy: "Olga Other" } });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe("Olga's headline");
  });

  it("lets exactly one of several simultaneous saves from the same version through", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    const saves = [editor, otherEditor, editor, otherEditor].map((actor, index) => saveArticle(actor, { articleId: id, expectedVersion: version, article: { ...article, kicker: `Kicker ${index}` } }));
    const results = await Promise.allSettled(saves);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) expect(result.reason).toMatchObject({ code: "CONFLICT" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(version + 1);
  });

  it("drops quote records the body no longer uses, in the same save", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    await saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, body: { type: "doc", content: [paragraph("No quote now.")] } } });
    expect(await db.quote.count({ where: { articleId: id } })).toBe(0);
  });

  it("refuses a body naming a record that does not exist, and changes nothing", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    const bad = { ...article, body: { type: "doc", content: [{ type: "figure", attrs: { mediaId: newRecordId(), captionId: null } }] } };
    await expect(saveArticle(editor, { articleId: id, expectedVersion: version, article: bad })).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(version);
  });

  it("refuses a body that claims another story's quote, and changes neither story", async () => {
    const mine = await readyDraft();
    const theirs = await readyDraft();
    const { article } = await currentInput(mine.id);
    const stolen = { id: theirs.quoteId, text: "Not mine.", speaker: "Someone", speakerDescription: "", context: "" };
    const body = { type: "doc", content: [{ type: "pullQuote", attrs: { quoteId: theirs.quoteId } }] };
    await expect(saveArticle(editor, { articleId: mine.id, expectedVersion: mine.version, article: { ...article, body, quotes: [stolen] } })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("belongs to another story"),
    });
    expect(await db.quote.findUniqueOrThrow({ where: { id: theirs.quoteId } })).toMatchObject({ articleId: theirs.id, text: "At last." });
    expect((await db.article.findUniqueOrThrow({ where: { id: mine.id } })).version).toBe(mine.version);
  });

  it("refuses a slug another story uses", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    const taken = await db.article.findFirstOrThrow({ where: { id: { not: id } } });
    await expect(saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, slug: taken.slug } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("coalesces autosaves by one person into one revision", async () => {
    const { id } = await readyDraft();
    for (const word of ["one", "two", "three"]) {
      const { version, article } = await currentInput(id);
      await saveArticle(editor, { articleId: id, expectedVersion: version, isAutosave: true, article: { ...article, kicker: word } });
    }
    expect(await db.revision.count({ where: { articleId: id } })).toBe(2);
  });

  it("keeps a contributor to their own drafts", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    await expect(saveArticle(contributor, { articleId: id, expectedVersion: version, article })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveArticle(null, { articleId: id, expectedVersion: version, article })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("workflow", () => {
  it("refuses to publish with every problem listed", async () => {
    const { id, version } = await createArticle(editor, {});
    const attempt = publishArticle(editor, { articleId: id, expectedVersion: version });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID" });
    const problems = (await attempt.catch((e) => e.details.problems)) as string[];
    expect(problems).toEqual(expect.arrayContaining(["The headline is missing.", "The standfirst is missing.", "Choose a section.", "Add at least one byline."]));
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("refuses to publish a story whose photo has lost its credit or its rights", async () => {
    const { id, version } = await readyDraft();
    const hero = await db.media.findUniqueOrThrow({ where: { id: photo.id } });
    await db.media.update({ where: { id: photo.id }, data: { rightsExpireAt: new Date(Date.now() - 1000), altText: "" } });
    try {
      const attempt = publishArticle(editor, { articleId: id, expectedVersion: version });
      const problems = (await attempt.catch((e) => e.details?.problems)) as string[];
      expect(problems.join(" ")).toMatch(/no alt text.*rights to use it expired/);
    } finally {
      await db.media.update({ where: { id: photo.id }, data: { rightsExpireAt: hero.rightsExpireAt, altText: hero.altText } });
    }
  });

  it("moves a story from draft through review to published and back, with who did what in the audit log", async () => {
    const { id, version } = await readyDraft();
    const reviewed = await submitForReview(editor, { articleId: id, expectedVersion: version });
    const published = await publishArticle(otherEditor, { articleId: id, expectedVersion: reviewed.version });
    expect(published.status).toBe("PUBLISHED");
    const unpublished = await unpublishArticle(editor, { articleId: id, expectedVersion: published.version });
    expect(unpublished.status).toBe("UNPUBLISHED");
    const audit = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(["article.create", "article.save", "article.submit", "article.publish", "article.unpublish"]);
    expect(audit.find((a) => a.action === "article.publish")?.actorId).toBe(otherEditor.id);
  });

  it("does not let a contributor publish", async () => {
    const { id, version } = await readyDraft(contributor);
    await expect(publishArticle(contributor, { articleId: id, expectedVersion: version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await submitForReview(contributor, { articleId: id, expectedVersion: version })).status).toBe("IN_REVIEW");
  });

  it("publishes scheduled stories when they fall due, once", async () => {
    const { id, version } = await readyDraft();
    const publishAt = new Date(Date.now() + 60 * 60_000);
    await scheduleArticle(editor, { articleId: id, expectedVersion: version, publishAt: publishAt.toISOString() });
    expect((await publishDueArticles(new Date())).published).not.toContain(id);
    const later = new Date(publishAt.getTime() + 1000);
    const [first, second] = await Promise.all([publishDueArticles(later), publishDueArticles(later)]);
    expect([...first.published, ...second.published].filter((x) => x === id)).toHaveLength(1);
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", publishAt: null });
  });

  it("adds a correction to a published story and moves its modified time", async () => {
    const { id, version } = await readyDraft();
    const published = await publishArticle(editor, { articleId: id, expectedVersion: version });
    const before = (await db.article.findUniqueOrThrow({ where: { id } })).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await addArticleNote(editor, { articleId: id, kind: "CORRECTION", text: "An earlier version misspelt the skater's name." });
    const after = await db.article.findUniqueOrThrow({ where: { id }, include: { notes: true } });
    expect(after.notes).toHaveLength(1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(after.version).toBe(published.version);
  });
});

describe("drafts may be incomplete, published stories may not", () => {
  it("saves a draft with an empty quote and an unchosen teaser, and lists both when publishing", async () => {
    const { id, version } = await readyDraft();
    const { article } = await currentInput(id);
    const quoteId = newRecordId();
    const saved = await saveArticle(editor, {
      articleId: id,
      expectedVersion: version,
      article: {
        ...article,
        body: { type: "doc", content: [paragraph("Text."), { type: "pullQuote", attrs: { quoteId } }, { type: "relatedStory", attrs: { articleId: null, label: "" } }] },
        quotes: [{ id: quoteId, text: "", speaker: "", speakerDescription: "", context: "" }],
      },
    });
    const problems = (await publishArticle(editor, { articleId: id, expectedVersion: saved.version }).catch((e) => e.details?.problems)) as string[];
    expect(problems).toEqual(expect.arrayContaining(["A pull quote has no words.", "A pull quote has no speaker.", "A related-story teaser has no story chosen."]));
  });
});

describe("history", () => {
  it("compares two revisions and restores one as a new revision", async () => {
    const { listRevisions, compareRevisions, restoreRevision } = await import("../../lib/articles/history/history");
    const { id } = await readyDraft();
    const first = await currentInput(id);
    const second = await saveArticle(editor, {
      articleId: id,
      expectedVersion: first.version,
      article: { ...first.article, headline: "A second headline", body: { type: "doc", content: [paragraph("Rewritten paragraph.")] }, quotes: [] },
    });
    const revisions = await listRevisions(editor, id);
    expect(revisions.map((r) => r.kind)).toEqual(["SAVE", "SAVE"]);
    const [newest, oldest] = revisions;
    const comparison = await compareRevisions(editor, id, oldest.id, newest.id);
    expect(comparison.fields).toEqual(expect.arrayContaining([{ field: "headline", before: "Skater wins at last", after: "A second headline" }]));
    expect(comparison.body).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: "First paragraph." },
        { kind: "added", text: "Rewritten paragraph." },
      ]),
    );

    await restoreRevision(editor, { articleId: id, revisionId: oldest.id, expectedVersion: second.version });
    const restored = await db.article.findUniqueOrThrow({ where: { id }, include: { quotes: true } });
    expect(restored.headline).toBe("Skater wins at last");
    expect(restored.quotes).toHaveLength(1);
    expect((await listRevisions(editor, id)).map((r) => r.kind)).toEqual(["RESTORE", "SAVE", "SAVE"]);
  });

  it("does not show a contributor the history of someone else's story", async () => {
    const { listRevisions } = await import("../../lib/articles/history/history");
    const { id } = await readyDraft();
    await expect(listRevisions(contributor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
