// The story trash on a real database: deleting a draft (version-guarded, audited), what a trashed
// story is hidden from, restoring it, who may do which, the purge after 30 days (with everything
// that hangs off the story, leaving its only picture unused), the discarding of "New story" drafts
// nobody typed in, and the contributor's list of stories carrying their byline.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../lib/articles/create-article";
import { listStories, listTrashedStories, parseStoryFilters } from "../../lib/articles/list-stories";
import { openStory } from "../../lib/articles/open-story";
import { saveArticle } from "../../lib/articles/save/save-article";
import { deleteToTrash, purgeTrash, restoreFromTrash, SCHEDULER } from "../../lib/articles/trash/trash";
import { publishArticle, scheduleArticle, submitForReview, unpublishArticle } from "../../lib/articles/workflow";
import { db } from "../../lib/db";
import { findMediaUsage, isUsed } from "../../lib/media/usage";
import type { Actor } from "../../lib/permissions";
import { currentInput, paragraph } from "../fixtures/article-input";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createPhoto, createStoryUsing } from "../fixtures/media-stories";
import { createStaff } from "../fixtures/staff";
import { relatedStory } from "../fixtures/story-body";

const DAY = 24 * 60 * 60 * 1000;

let editor: Actor;
let otherEditor: Actor;
let admin: Actor;
let contributor: Actor;

beforeAll(async () => {
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Tess Trash");
  otherEditor = await createStaff("EDITOR", "Rory Restore");
  admin = await createStaff("ADMIN", "Ada Admin");
  contributor = await createStaff("CONTRIBUTOR", "Cora Contributor");
});

async function draft(actor: Actor, headline: string, extra: { bylineProfileId?: string; body?: unknown } = {}): Promise<{ id: string; version: number }> {
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profileId = extra.bylineProfileId ?? (await db.bylineProfile.findFirstOrThrow({ orderBy: { slug: "asc" } })).id;
  const saved = await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: { ...article, headline, standfirst: "A standfirst.", sectionId: section.id, bylines: [{ profileId, role: "REPORTER" }], body: extra.body ?? { type: "doc", content: [paragraph("Body text.")] } },
  });
  return { id, version: saved.version };
}

const listed = async (actor: Actor, headline: string) => (await listStories(actor, parseStoryFilters({ q: headline }))).rows.map((row) => row.id);
const trashed = async (actor: Actor) => (await listTrashedStories(actor, 1)).rows;

describe("moving a story to the trash", () => {
  it("takes a draft out of the story list into the Trash view, with who and when, audited", async () => {
    const story = await draft(editor, "Curling stone splits in final");
    await expect(deleteToTrash(editor, { articleId: story.id, expectedVersion: story.version - 1 })).rejects.toMatchObject({ code: "CONFLICT", details: { savedBy: "Tess Trash" } });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).deletedAt).toBeNull();

    const result = await deleteToTrash(otherEditor, { articleId: story.id, expectedVersion: story.version });
    expect(result.version).toBe(story.version + 1);
    expect(await listed(editor, "Curling stone splits")).toEqual([]);
    const row = (await trashed(editor)).find((r) => r.id === story.id);
    expect(row).toMatchObject({ headline: "Curling stone splits in final", status: "DRAFT", deletedBy: "Rory Restore", deletedAt: result.deletedAt });
    expect(new Date(row!.purgeAt).getTime() - new Date(result.deletedAt).getTime()).toBe(30 * DAY);
    expect(await db.auditEntry.findFirst({ where: { entityId: story.id, action: "article.trash" } })).toMatchObject({
      actorId: otherEditor.id,
      details: { headline: "Curling stone splits in final", status: "DRAFT" },
    });
    await expect(deleteToTrash(editor, { articleId: story.id, expectedVersion: result.version })).rejects.toMatchObject({ code: "CONFLICT", message: "This story is already in the trash." });
  });

  it("opens a trashed story as 'in the trash' with Restore, and restores it to the list", async () => {
    const story = await draft(editor, "Bobsleigh crew survives crash");
    const { version } = await deleteToTrash(editor, { articleId: story.id, expectedVersion: story.version });
    expect(await openStory(editor, story.id)).toMatchObject({ kind: "trash", story: { headline: "Bobsleigh crew survives crash", deletedBy: "Tess Trash", canRestore: true, version } });
    await expect(restoreFromTrash(otherEditor, { articleId: story.id, expectedVersion: String(version - 1) })).rejects.toMatchObject({ code: "CONFLICT" });

    const restored = await restoreFromTrash(otherEditor, { articleId: story.id, expectedVersion: String(version) });
    expect(restored).toEqual({ version: version + 1, href: `/newsroom/stories/${story.id}` });
    expect(await openStory(editor, story.id)).toEqual({ kind: "editor" });
    expect(await listed(editor, "Bobsleigh crew survives")).toEqual([story.id]);
    expect((await trashed(editor)).map((r) => r.id)).not.toContain(story.id);
    expect(await db.auditEntry.count({ where: { entityId: story.id, action: "article.untrash", actorId: otherEditor.id } })).toBe(1);
    await expect(restoreFromTrash(editor, { articleId: story.id, expectedVersion: restored.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not in the trash/) });
  });

  it("refuses a published or scheduled story, saying to take it off the site first", async () => {
    const story = await draft(editor, "Ski jumper lands record");
    const published = await publishArticle(editor, { articleId: story.id, expectedVersion: story.version });
    await expect(deleteToTrash(editor, { articleId: story.id, expectedVersion: published.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A published story cannot be deleted. Unpublish it first; then it can go to the trash.",
    });
    const unpublished = await unpublishArticle(editor, { articleId: story.id, expectedVersion: published.version });
    await expect(deleteToTrash(editor, { articleId: story.id, expectedVersion: unpublished.version })).resolves.toMatchObject({ version: unpublished.version + 1 });

    const later = await draft(editor, "Biathlon start moved");
    const scheduled = await scheduleArticle(editor, { articleId: later.id, expectedVersion: later.version, publishAt: new Date(Date.now() + DAY).toISOString() });
    await expect(deleteToTrash(editor, { articleId: later.id, expectedVersion: scheduled.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/scheduled story cannot be deleted.*off the schedule first/),
    });
  });

  it("refuses a story another story's teaser links to, naming that story", async () => {
    const target = await draft(editor, "Luge track reopens");
    const published = await publishArticle(editor, { articleId: target.id, expectedVersion: target.version });
    await draft(editor, "Luge preview", { body: { type: "doc", content: [paragraph("See also."), relatedStory(target.id)] } });
    const unpublished = await unpublishArticle(editor, { articleId: target.id, expectedVersion: published.version });
    await expect(deleteToTrash(editor, { articleId: target.id, expectedVersion: unpublished.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("“Luge preview”") });
  });

  it("keeps a trashed story from being published by someone who still had it open", async () => {
    const story = await draft(editor, "Snowboard judges split");
    const { version } = await deleteToTrash(editor, { articleId: story.id, expectedVersion: story.version });
    await expect(publishArticle(otherEditor, { articleId: story.id, expectedVersion: version })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { trashed: true },
      message: expect.stringMatching(/moved this story to the trash\. Nothing was saved/),
    });
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "DRAFT", version });
  });

  it("takes no save or autosave into a trashed story from a tab left open on it", async () => {
    const story = await draft(editor, "Ski jump hill closed by wind");
    const opened = await currentInput(story.id);
    const { version } = await deleteToTrash(otherEditor, { articleId: story.id, expectedVersion: story.version });
    const revisions = await db.revision.count({ where: { articleId: story.id } });
    for (const isAutosave of [true, false]) {
      // Both the version the tab had and the current one (as after a conflict's "reload") are refused.
      for (const expectedVersion of [opened.version, version]) {
        await expect(saveArticle(editor, { articleId: story.id, expectedVersion, isAutosave, article: { ...opened.article, headline: "Typed after the trash" } })).rejects.toMatchObject({
          code: "CONFLICT",
          details: { trashed: true },
          message: "Rory Restore moved this story to the trash. Nothing was saved: restore it from the trash to go on editing.",
        });
      }
    }
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ headline: "Ski jump hill closed by wind", version });
    expect(await db.revision.count({ where: { articleId: story.id } })).toBe(revisions);
  });
});

describe("who may use the trash", () => {
  it("lets a contributor trash and restore their own draft, and nothing else", async () => {
    const own = await draft(contributor, "Contributor's own draft");
    const trashedOwn = await deleteToTrash(contributor, { articleId: own.id, expectedVersion: own.version });
    expect((await trashed(contributor)).map((r) => r.id)).toContain(own.id);
    await expect(restoreFromTrash(contributor, { articleId: own.id, expectedVersion: trashedOwn.version })).resolves.toMatchObject({ version: trashedOwn.version + 1 });

    const submitted = await draft(contributor, "Contributor's story in review");
    const inReview = await submitForReview(contributor, { articleId: submitted.id, expectedVersion: submitted.version });
    await expect(deleteToTrash(contributor, { articleId: submitted.id, expectedVersion: inReview.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const desks = await draft(editor, "The desk's draft");
    await expect(deleteToTrash(contributor, { articleId: desks.id, expectedVersion: desks.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const deskTrashed = await deleteToTrash(editor, { articleId: desks.id, expectedVersion: desks.version });
    await expect(restoreFromTrash(contributor, { articleId: desks.id, expectedVersion: deskTrashed.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteToTrash(null, { articleId: own.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lets only an admin (or the scheduler) purge", async () => {
    await expect(purgeTrash(editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(purgeTrash(contributor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(purgeTrash(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(purgeTrash(admin)).resolves.toMatchObject({ purged: expect.any(Array) });
  });
});

describe("purging the trash", () => {
  it("deletes for good after 30 days, with revisions and captions, and the story's only picture becomes unused", async () => {
    const photo = await createPhoto({ originalName: "purged-only.jpg" });
    const story = await createStoryUsing(editor, photo.id, "figure", { headline: "Figure skater's last routine" });
    const keep = await draft(editor, "Kept in the trash a while");
    const deleted = await deleteToTrash(editor, { articleId: story.id, expectedVersion: story.version });
    const kept = await deleteToTrash(editor, { articleId: keep.id, expectedVersion: keep.version });
    const purgeAt = new Date(new Date(deleted.deletedAt).getTime() + 30 * DAY + 1000);
    await db.article.update({ where: { id: keep.id }, data: { deletedAt: new Date(purgeAt.getTime() - 29 * DAY) } });
    expect(await db.revision.count({ where: { articleId: story.id } })).toBeGreaterThan(0);
    expect(isUsed(await findMediaUsage(db, photo.id))).toBe(true);

    const report = await purgeTrash(SCHEDULER, purgeAt);
    expect(report.purged).toContain(story.id);
    expect(report.purged).not.toContain(keep.id);
    expect(await db.article.findUnique({ where: { id: story.id } })).toBeNull();
    expect(await db.revision.count({ where: { articleId: story.id } })).toBe(0);
    expect(await db.caption.count({ where: { articleId: story.id } })).toBe(0);
    expect(await db.articleByline.count({ where: { articleId: story.id } })).toBe(0);
    expect(isUsed(await findMediaUsage(db, photo.id))).toBe(false);
    expect(await db.article.findUnique({ where: { id: keep.id }, select: { version: true } })).toEqual({ version: kept.version });
    // Run by the scheduler, outside any request: nobody acted, and there is no address.
    expect(await db.auditEntry.findFirst({ where: { entityId: story.id, action: "article.purge" } })).toMatchObject({
      actorId: null,
      ip: null,
      details: { headline: "Figure skater's last routine", status: "DRAFT", deletedBy: "Tess Trash", deletedAt: deleted.deletedAt },
    });
  });
});

describe("a 'New story' nobody typed in", () => {
  it("is never listed, and is discarded an hour later once nobody has it open", async () => {
    const empty = await createArticle(editor, {});
    expect((await listStories(editor, parseStoryFilters({}))).rows.map((r) => r.id)).not.toContain(empty.id);
    const typed = await createArticle(editor, {});
    const { article } = await currentInput(typed.id);
    await saveArticle(editor, { articleId: typed.id, expectedVersion: 1, article: { ...article, headline: "Typed a headline" } });

    const created = (await db.article.findUniqueOrThrow({ where: { id: empty.id } })).createdAt.getTime();
    expect((await purgeTrash(SCHEDULER, new Date(created + 30 * 60 * 1000))).discarded).not.toContain(empty.id);
    const later = new Date(created + 2 * 60 * 60 * 1000);
    await db.editingSession.create({ data: { articleId: empty.id, userId: editor.id, lastSeenAt: new Date(later.getTime() - 60_000) } });
    expect((await purgeTrash(SCHEDULER, later)).discarded, "its editor is still open").not.toContain(empty.id);
    await db.editingSession.deleteMany({ where: { articleId: empty.id } });

    const report = await purgeTrash(SCHEDULER, later);
    expect(report.discarded).toContain(empty.id);
    expect(report.discarded).not.toContain(typed.id);
    expect(await db.article.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(await db.article.findUnique({ where: { id: typed.id }, select: { headline: true } })).toEqual({ headline: "Typed a headline" });
    expect(await db.auditEntry.findFirst({ where: { entityId: empty.id, action: "article.discard" } })).toMatchObject({ actorId: null, ip: null });
  });
});

describe("a contributor's story list", () => {
  it("includes the stories carrying their byline, which they may read but not edit", async () => {
    const writer = await createStaff("CONTRIBUTOR", "Bea Byline");
    const profile = await db.bylineProfile.create({ data: { name: "Bea Byline", slug: `bea-byline-${writer.id}`, userId: writer.id } });
    const bylined = await draft(editor, "Bylined alpine story", { bylineProfileId: profile.id });
    const notTheirs = await draft(editor, "Someone else's alpine story");
    const own = await draft(writer, "Bea's own alpine story");

    expect(new Set(await listed(writer, "alpine story"))).toEqual(new Set([bylined.id, own.id]));
    expect(await listed(writer, "Someone else's alpine")).toEqual([]);
    expect(await openStory(writer, bylined.id)).toMatchObject({ kind: "byline", headline: "Bylined alpine story" });
    expect(await openStory(writer, own.id)).toEqual({ kind: "editor" });
    await expect(openStory(writer, notTheirs.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { article } = await currentInput(bylined.id);
    await expect(saveArticle(writer, { articleId: bylined.id, expectedVersion: bylined.version, article: { ...article, kicker: "Mine now" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteToTrash(writer, { articleId: bylined.id, expectedVersion: bylined.version })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const gone = await deleteToTrash(editor, { articleId: bylined.id, expectedVersion: bylined.version });
    expect(await listed(writer, "alpine story")).toEqual([own.id]);
    expect(await trashed(writer)).toEqual([expect.objectContaining({ id: bylined.id, version: gone.version, deletedBy: "Tess Trash" })]);
  });
});
