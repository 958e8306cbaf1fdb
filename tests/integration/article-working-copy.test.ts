// A published story changes only when an editor says so: saves of a live story go to its working
// copy; the article page, search, sitemap data and Article.updatedAt stay byte for byte until
// "Update live story", which runs the publish gate, keeps a PUBLISH revision, audits what changed
// (old -> new) and carries its correction note. Discard, scheduled updates, and leaving the live
// states without losing the working copy. On SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle, unpublishArticle } from "../../lib/articles/workflow";
import { applyDueLiveUpdates, discardChanges, scheduleLiveUpdate, updateLiveStory } from "../../lib/articles/publish/update-live";
import { loadStoryForEditor } from "../../lib/articles/editor-queries";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { searchStories } from "../../lib/search/search-stories";
import { findMediaUsage } from "../../lib/media/usage";
import { findRedirect } from "../../lib/redirects/queries";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";

let editor: Actor;
let contributor: Actor;
let section: { id: string; slug: string };
let profile: { id: string };
let counter = 0;

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Wanda Working"), createStaff("CONTRIBUTOR")]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  profile = await db.bylineProfile.findFirstOrThrow();
});

async function publishedStory() {
  counter += 1;
  const { id } = await createArticle(editor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const slug = `working-copy-story-${counter}-${Date.now()}`;
  const saved = await saveArticle(editor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: `Mensah seals the title ${counter}`,
      slug,
      standfirst: "Four points clear with two games left.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("Zebulon scored twice.")] },
    },
  });
  const published = await publishArticle(editor, { articleId: id, expectedVersion: saved.version });
  return { id, slug, version: published.version };
}

async function editStandfirst(id: string, standfirst: string, isAutosave = true) {
  const { version, article } = await currentInput(id);
  return saveArticle(editor, { articleId: id, expectedVersion: version, isAutosave, article: { ...article, standfirst } });
}

async function publicView(id: string, slug: string) {
  const page = await loadArticlePage(slug);
  const row = await db.article.findUniqueOrThrow({ where: { id }, select: { standfirst: true, updatedAt: true, bodyText: true } });
  return { page: JSON.stringify(page), row };
}

const hits = async (word: string) => (await searchStories({ terms: [word], page: 1, pageSize: 20 })).hits.map((h) => h.id);

describe("a live story's working copy", () => {
  it("keeps the old address answering when 'Update live story' changes the slug", async () => {
    const { id, slug } = await publishedStory();
    const renamed = `${slug}-renamed`;
    const { version, article } = await currentInput(id);
    const saved = await saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, slug: renamed } });
    expect(await findRedirect(`/${section.slug}/${slug}`)).toBeNull();
    await updateLiveStory(editor, { articleId: id, expectedVersion: saved.version });
    expect(await findRedirect(`/${section.slug}/${slug}`)).toBe(`/${section.slug}/${renamed}`);
    expect(await findRedirect(`/${section.slug}/${renamed}`)).toBeNull();
  });

  it("keeps autosaves and saves out of the article page, search and updatedAt until 'Update live story'", async () => {
    const { id, slug } = await publishedStory();
    const before = await publicView(id, slug);
    await editStandfirst(id, "Four points clear. Mensah, who came on in the 7");
    await editStandfirst(id, "Four points clear. Mensah, who came on in the 70th minute, scored brumblewickly.", false);
    const during = await publicView(id, slug);
    expect(during.page).toBe(before.page);
    expect(during.row).toEqual(before.row);
    expect(await hits("brumblewickly")).not.toContain(id);
    const opened = await loadStoryForEditor(editor, id);
    expect(opened.article.standfirst).toContain("brumblewickly");
    expect(opened.live).toMatchObject({ changes: 1, workingCopyBy: "Wanda Working" });

    const { version } = await currentInput(id);
    await updateLiveStory(editor, { articleId: id, expectedVersion: version });
    const after = await publicView(id, slug);
    expect(after.row.standfirst).toContain("brumblewickly");
    expect(after.page).toContain("brumblewickly");
    expect(after.row.updatedAt.getTime()).toBeGreaterThan(before.row.updatedAt.getTime());
    expect(await hits("brumblewickly")).toContain(id);
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(0);
    expect((await loadStoryForEditor(editor, id)).live).toMatchObject({ changes: 0 });
    const revision = await db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { createdAt: "desc" } });
    expect(revision.kind).toBe("PUBLISH");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "article.update-live" } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.details).toMatchObject({ fields: [{ field: "standfirst", before: "Four points clear with two games left.", after: expect.stringContaining("brumblewickly") }] });
  });

  it("refuses 'Update live story' to a contributor and when the gate fails, changing nothing live", async () => {
    const { id, slug } = await publishedStory();
    await editStandfirst(id, "");
    const before = await publicView(id, slug);
    const { version } = await currentInput(id);
    await expect(updateLiveStory(contributor, { articleId: id, expectedVersion: version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateLiveStory(editor, { articleId: id, expectedVersion: version })).rejects.toMatchObject({ code: "INVALID", details: { problems: ["The standfirst is missing."] } });
    expect(await publicView(id, slug)).toEqual(before);
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(1);
    expect((await currentInput(id)).version).toBe(version);
  });

  it("refuses a stale 'Update live story' with 409", async () => {
    const { id } = await publishedStory();
    const saved = await editStandfirst(id, "A stale update would lose this.");
    await expect(updateLiveStory(editor, { articleId: id, expectedVersion: saved.version - 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("publishes a correction note with the update that carries it", async () => {
    const { id, slug } = await publishedStory();
    await editStandfirst(id, "Five points clear with two games left.");
    const { version } = await currentInput(id);
    await updateLiveStory(editor, { articleId: id, expectedVersion: version, note: { kind: "CORRECTION", text: "An earlier version said four points clear." } });
    const note = await db.articleNote.findFirstOrThrow({ where: { articleId: id } });
    expect(note).toMatchObject({ kind: "CORRECTION", authorId: editor.id });
    expect((await publicView(id, slug)).page).toContain("An earlier version said four points clear.");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "article.update-live" } });
    expect(audit.details).toMatchObject({ noteId: note.id });
  });

  it("discards the working copy back to the live version", async () => {
    const { id, slug } = await publishedStory();
    const before = await publicView(id, slug);
    await editStandfirst(id, "Words nobody should read.");
    const { version } = await currentInput(id);
    await discardChanges(editor, { articleId: id, expectedVersion: version });
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(0);
    expect((await currentInput(id)).article.standfirst).toBe("Four points clear with two games left.");
    expect(await publicView(id, slug)).toEqual(before);
    expect(await db.auditEntry.count({ where: { entityId: id, action: "article.discard-changes" } })).toBe(1);
  });

  it("drops the working copy when edits come back to what is live", async () => {
    const { id } = await publishedStory();
    await editStandfirst(id, "A change.");
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(1);
    await editStandfirst(id, "Four points clear with two games left.");
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(0);
  });

  it("updates the live story at the scheduled time, through the scheduler, once", async () => {
    const { id, slug } = await publishedStory();
    await editStandfirst(id, "Scheduled words for six o'clock.");
    const { version } = await currentInput(id);
    const at = new Date(Date.now() + 3_600_000);
    await scheduleLiveUpdate(editor, { articleId: id, expectedVersion: version, updateAt: at.toISOString() });
    expect((await applyDueLiveUpdates(new Date())).updated).not.toContain(id);
    expect((await publicView(id, slug)).row.standfirst).toBe("Four points clear with two games left.");
    const [first, second] = await Promise.all([applyDueLiveUpdates(new Date(at.getTime() + 1_000)), applyDueLiveUpdates(new Date(at.getTime() + 1_000))]);
    expect([...first.updated, ...second.updated].filter((updated) => updated === id)).toHaveLength(1);
    expect((await publicView(id, slug)).row.standfirst).toBe("Scheduled words for six o'clock.");
    expect(await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "article.update-live" } })).toMatchObject({
      actorId: null,
      details: expect.objectContaining({ scheduled: true, scheduledBy: editor.id }),
    });
  });

  it("refuses to schedule an update the gate would refuse", async () => {
    const { id } = await publishedStory();
    await editStandfirst(id, "");
    const { version } = await currentInput(id);
    await expect(scheduleLiveUpdate(editor, { articleId: id, expectedVersion: version, updateAt: new Date(Date.now() + 3_600_000).toISOString() })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.workingCopy.findUniqueOrThrow({ where: { articleId: id } })).toMatchObject({ updateAt: null });
  });

  it("counts a picture used only by a working copy as in use (it cannot be deleted from under the update)", async () => {
    const { id } = await publishedStory();
    const photo = await db.media.findFirstOrThrow({ where: { altText: { not: "" } } });
    const { version, article } = await currentInput(id);
    await saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, hero: { mediaId: photo.id, caption: "Only in the working copy." } } });
    const usage = await findMediaUsage(db, photo.id);
    expect(usage.stories.find((story) => story.id === id)).toMatchObject({ isHero: true });
  });

  it("keeps the working copy's words when the story is unpublished", async () => {
    const { id } = await publishedStory();
    await editStandfirst(id, "Kept through unpublishing.");
    const { version } = await currentInput(id);
    await unpublishArticle(editor, { articleId: id, expectedVersion: version });
    expect(await db.workingCopy.count({ where: { articleId: id } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).standfirst).toBe("Kept through unpublishing.");
  });
});
