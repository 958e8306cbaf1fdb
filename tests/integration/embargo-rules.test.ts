// Embargoes on a real database: publishing before the embargo is refused with 409 naming the time
// and changes nothing; scheduling before it is refused, at it allowed; an embargo cannot be set on
// a live story or after its schedule; lifting early needs article.liftEmbargo (admins) and a
// reason, and is audited with the old time. Wire items carry their embargo onto the draft.
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle, scheduleArticle } from "../../lib/articles/workflow";
import { liftEmbargo, setEmbargo } from "../../lib/articles/embargo/embargo-commands";
import { importWireItem } from "../../lib/wire/import";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, paragraph } from "../fixtures/article-input";
import { readNewsmlSample, readNinjsSample } from "../fixtures/wire-samples";

let editor: Actor;
let admin: Actor;
let contributor: Actor;
let section: { id: string };
let profile: { id: string };
const run = uniqueSuffix();
const HOUR = 3_600_000;

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, admin, contributor] = await Promise.all([createStaff("EDITOR", "Embargo Editor"), createStaff("ADMIN", "Embargo Admin"), createStaff("CONTRIBUTOR", "Embargo Contributor")]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  profile = await db.bylineProfile.findFirstOrThrow();
});

async function readyDraft(actor: Actor = editor) {
  const { id } = await createArticle(actor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const saved = await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: `Embargoed result ${run}`,
      standfirst: "The result is out at noon.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("First paragraph.")] },
    },
  });
  return { id, version: saved.version };
}

async function embargoedDraft(embargoUntil: Date) {
  const draft = await readyDraft();
  const { version } = await setEmbargo(editor, { articleId: draft.id, expectedVersion: draft.version, embargoUntil: embargoUntil.toISOString() });
  return { id: draft.id, version, embargoUntil };
}

const row = (id: string) => db.article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, publishedAt: true, publishAt: true, embargoUntil: true } });

describe("publishing and scheduling against an embargo", () => {
  it("refuses to publish before the embargo with 409 naming the time, and changes nothing", async () => {
    const story = await embargoedDraft(new Date(Date.now() + 2 * HOUR));
    const before = await row(story.id);
    const attempt = publishArticle(editor, { articleId: story.id, expectedVersion: story.version });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(story.embargoUntil.toISOString());
    expect(error.message).toMatch(/embargoed until \d{1,2} \w+ \d{4}/);
    expect(await row(story.id)).toEqual(before);
  });

  it("refuses to schedule before the embargo (409 with the time) and allows scheduling at it", async () => {
    const story = await embargoedDraft(new Date(Date.now() + 3 * HOUR));
    const early = scheduleArticle(editor, { articleId: story.id, expectedVersion: story.version, publishAt: new Date(story.embargoUntil.getTime() - 60_000).toISOString() });
    await expect(early).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(story.embargoUntil.toISOString()) });
    expect((await row(story.id)).status).toBe("DRAFT");
    const scheduled = await scheduleArticle(editor, { articleId: story.id, expectedVersion: story.version, publishAt: story.embargoUntil.toISOString() });
    expect(scheduled).toMatchObject({ status: "SCHEDULED", publishAt: story.embargoUntil.toISOString() });
  });

  it("refuses an embargo later than the story's schedule, naming both times, and keeps the schedule", async () => {
    const draft = await readyDraft();
    const publishAt = new Date(Date.now() + HOUR);
    const { version } = await scheduleArticle(editor, { articleId: draft.id, expectedVersion: draft.version, publishAt: publishAt.toISOString() });
    const later = new Date(Date.now() + 5 * HOUR);
    const attempt = setEmbargo(editor, { articleId: draft.id, expectedVersion: version, embargoUntil: later.toISOString() });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(publishAt.toISOString()) });
    expect(await row(draft.id)).toMatchObject({ status: "SCHEDULED", publishAt, embargoUntil: null });
  });

  it("refuses a future embargo on a live story: unpublish first", async () => {
    const draft = await readyDraft();
    const { version } = await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });
    const attempt = setEmbargo(editor, { articleId: draft.id, expectedVersion: version, embargoUntil: new Date(Date.now() + HOUR).toISOString() });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/unpublish it first/) });
    expect((await row(draft.id)).embargoUntil).toBeNull();
  });

  it("treats moving an embargo earlier or removing it as lifting it, which setEmbargo refuses", async () => {
    const story = await embargoedDraft(new Date(Date.now() + 4 * HOUR));
    const earlier = setEmbargo(admin, { articleId: story.id, expectedVersion: story.version, embargoUntil: new Date(Date.now() + HOUR).toISOString() });
    await expect(earlier).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Lift embargo/) });
    await expect(setEmbargo(admin, { articleId: story.id, expectedVersion: story.version, embargoUntil: null })).rejects.toMatchObject({ code: "CONFLICT" });
    const later = new Date(Date.now() + 6 * HOUR);
    await setEmbargo(editor, { articleId: story.id, expectedVersion: story.version, embargoUntil: later.toISOString() });
    expect((await row(story.id)).embargoUntil).toEqual(later);
  });

  it("lets a contributor embargo only their own draft (the edit rule)", async () => {
    const other = await readyDraft(editor);
    const until = new Date(Date.now() + HOUR).toISOString();
    await expect(setEmbargo(contributor, { articleId: other.id, expectedVersion: other.version, embargoUntil: until })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await readyDraft(contributor);
    await expect(setEmbargo(contributor, { articleId: own.id, expectedVersion: own.version, embargoUntil: until })).resolves.toMatchObject({ embargoUntil: until });
  });
});

describe("lifting an embargo early", () => {
  it("is refused without the permission (403) and without a reason (422), and then changes nothing", async () => {
    const story = await embargoedDraft(new Date(Date.now() + 2 * HOUR));
    const byEditor = await liftEmbargo(editor, { articleId: story.id, expectedVersion: story.version, reason: "The agency said so." }).catch(toFailure);
    expect(byEditor).toMatchObject({ ok: false, status: 403 });
    const noReason = await liftEmbargo(admin, { articleId: story.id, expectedVersion: story.version, reason: "   " }).catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(ZodError);
    expect(toFailure(noReason)).toMatchObject({ status: 422, message: expect.stringContaining("reason") });
    expect(await row(story.id)).toMatchObject({ embargoUntil: story.embargoUntil, version: story.version });
  });

  it("with both, clears the embargo, writes an audit entry with the reason and the old time, and publishing works", async () => {
    const story = await embargoedDraft(new Date(Date.now() + 2 * HOUR));
    const lifted = await liftEmbargo(admin, { articleId: story.id, expectedVersion: story.version, reason: "The agency lifted the embargo early." });
    expect(lifted.embargoUntil).toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: story.id, action: "article.lift-embargo" } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.details).toMatchObject({ reason: "The agency lifted the embargo early.", embargoUntil: story.embargoUntil.toISOString() });
    await expect(publishArticle(editor, { articleId: story.id, expectedVersion: lifted.version })).resolves.toMatchObject({ status: "PUBLISHED" });
  });
});

describe("wire items carry their embargo", () => {
  it("imports the NewsML-G2 text sample (itemMeta/embargoed) to a draft with that embargo", async () => {
    const xml = readNewsmlSample("LISTING_1_A_NewsML-G2_News_Item.xml").replace(/guid="([^"]+)"/, `guid="$1:${run}:embargo"`);
    const result = await importWireItem(editor, { source: xml });
    expect(result.outcome).toBe("created");
    expect(await row(result.articleId!)).toMatchObject({ status: "DRAFT", embargoUntil: new Date("2018-10-23T12:00:00Z") });
  });

  it("a future ninjs embargo holds the draft back, and a wire update never shortens it", async () => {
    const until = new Date(Date.now() + 6 * HOUR);
    // A ninjs 1.x text item: its `embargoed` field is the embargo (2.x and 3.x are upgraded the same way).
    const doc = readNinjsSample("1.6-004_simple_text_article.json");
    doc.uri = `${String(doc.uri)}?run=${run}-embargo`;
    delete doc.associations;
    const ninjs = (version: number, embargo: Date | null) => JSON.stringify({ ...doc, version: String(version), ...(embargo ? { embargoed: embargo.toISOString() } : {}) });
    const first = await importWireItem(editor, { source: ninjs(1, until) });
    expect((await row(first.articleId!)).embargoUntil).toEqual(until);
    const attempt = publishArticle(editor, { articleId: first.articleId!, expectedVersion: (await row(first.articleId!)).version });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(until.toISOString()) });
    const second = await importWireItem(editor, { source: ninjs(2, new Date(Date.now() + HOUR)) });
    expect(second.outcome).toBe("updated");
    expect((await row(first.articleId!)).embargoUntil).toEqual(until);
    const later = new Date(Date.now() + 9 * HOUR);
    await importWireItem(editor, { source: ninjs(3, later) });
    expect((await row(first.articleId!)).embargoUntil).toEqual(later);
  });
});
