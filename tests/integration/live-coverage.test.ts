// Live coverage on a real database (SQLite and PostgreSQL): a story turned into live coverage,
// entries posted, edited (409 on a stale version), deleted as tombstones (never back, never
// editable), pinned and ordered; the reader cursor (changesSince) returning every change once in
// commit order, including entries committed at the same moment while a reader polls; readers
// getting nothing while the story is a draft or embargoed; who may do what; bad input refused
// with a 4xx and nothing written.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import { setEmbargo } from "../../lib/articles/embargo/embargo-commands";
import { mergeBylineProfiles } from "../../lib/bylines/commands";
import { deleteEntry, editEntry, makeLiveCoverage, postEntry, setKeyEvent, setPinned, updateCoverage } from "../../lib/live/commands";
import { LINK_BACK_LABEL, promoteEntry } from "../../lib/live/promote";
import { changesSince, entriesForReaders, liveCoverageOf, type LiveChanges } from "../../lib/live/queries";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, paragraph } from "../fixtures/article-input";

const run = uniqueSuffix();
const MINUTE = 60_000;
let editor: Actor;
let admin: Actor;
let reporter: Actor;
let outsider: Actor;
let section: { id: string };
let deskProfile: { id: string };
let reporterProfile: { id: string };

const doc = (text: string) => ({ type: "doc", content: [paragraph(text)] });
const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, admin, reporter, outsider] = await Promise.all([
    createStaff("EDITOR", "Live Editor"),
    createStaff("ADMIN", "Live Admin"),
    createStaff("CONTRIBUTOR", "Live Reporter"),
    createStaff("CONTRIBUTOR", "Live Outsider"),
  ]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  deskProfile = await db.bylineProfile.create({ data: { name: `Desk ${run}`, slug: `live-desk-${run}` } });
  reporterProfile = await db.bylineProfile.create({ data: { name: `Reporter ${run}`, slug: `live-reporter-${run}`, userId: reporter.id } });
});

afterEach(() => {
  delete process.env.LIVE_POLL_AFTER_MS;
});

// A story by the editor with the desk and the reporter on its byline, published unless asked not
// to, turned into live coverage.
async function liveStory(options: { publish?: boolean; embargoUntil?: Date } = {}) {
  const { id } = await createArticle(editor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const bylines = [
    { profileId: deskProfile.id, role: "REPORTER" as const },
    { profileId: reporterProfile.id, role: "REPORTER" as const },
  ];
  const saved = await saveArticle(editor, {
    articleId: id,
    expectedVersion: version,
    article: { ...article, headline: `Live: City v United ${run}`, standfirst: "Follow it here.", sectionId: section.id, bylines, body: { type: "doc", content: [paragraph("Live.")] } },
  });
  let storyVersion = saved.version;
  if (options.embargoUntil) storyVersion = (await setEmbargo(editor, { articleId: id, expectedVersion: storyVersion, embargoUntil: options.embargoUntil.toISOString() })).version;
  if (options.publish !== false) await publishArticle(editor, { articleId: id, expectedVersion: storyVersion });
  const coverage = await makeLiveCoverage(editor, { articleId: id, keyPoints: ["Kick-off at three"], match: { home: "City", away: "United", competition: "League" } });
  return { id, coverageVersion: coverage.version };
}

function post(actor: Actor | null, articleId: string, text: string, extra: Record<string, unknown> = {}) {
  return postEntry(actor, { articleId, body: doc(text), ...extra });
}

async function readerEntries(articleId: string) {
  const read = await entriesForReaders(articleId);
  if (!read) throw new Error("expected the coverage to be public");
  return read;
}

async function changes(articleId: string, cursor: number, limit?: number): Promise<LiveChanges> {
  const read = await changesSince({ articleId, cursor, limit });
  if (!read) throw new Error("expected the coverage to be public");
  return read;
}

const entryIdsOf = (read: LiveChanges) => read.changes.flatMap((change) => (change.type === "entry" ? [change.entry.id] : change.type === "tombstone" ? [change.entryId] : []));

describe("turning a story into live coverage", () => {
  it("makes one coverage per story, with its key points and match; a second one is a 409", async () => {
    const story = await liveStory();
    expect(await liveCoverageOf(story.id)).toMatchObject({ status: "UPCOMING", keyPoints: ["Kick-off at three"], match: { home: "City", away: "United", competition: "League", venue: null } });
    expect(await statusOf(makeLiveCoverage(editor, { articleId: story.id }))).toBe(409);
    expect(await statusOf(makeLiveCoverage(editor, { articleId: "no-such-story" }))).toBe(404);
    expect(await db.auditEntry.count({ where: { action: "live.start", entityId: story.id } })).toBe(1);
  });

  it("stamps the start when it goes live and the end when it ends; a stale coverage update is a 409", async () => {
    const story = await liveStory();
    const live = await updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" });
    expect(await liveCoverageOf(story.id)).toMatchObject({ status: "LIVE", startsAt: expect.any(String), endsAt: null });
    expect(await statusOf(updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, keyPoints: ["Stale"] }))).toBe(409);
    await updateCoverage(admin, { articleId: story.id, expectedVersion: live.version, status: "ENDED", keyPoints: ["City win 2-1"], match: null });
    const ended = await liveCoverageOf(story.id);
    expect(ended).toMatchObject({ status: "ENDED", keyPoints: ["City win 2-1"], match: null, endsAt: expect.any(String) });
    expect(new Date(ended!.endsAt!).getTime()).toBeGreaterThanOrEqual(new Date(ended!.startsAt!).getTime());
    expect(await statusOf(post(editor, story.id, "After the whistle."))).toBe(409);
  });

  it("refuses bad coverage input with a 422 and changes nothing", async () => {
    const story = await liveStory();
    const before = await db.liveCoverage.findUniqueOrThrow({ where: { articleId: story.id } });
    const tooMany = Array.from({ length: 11 }, (_, i) => `Point ${i}`);
    expect(await statusOf(updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, keyPoints: tooMany }))).toBe(422);
    expect(await statusOf(updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, startsAt: minutesAgo(5), endsAt: minutesAgo(10) }))).toBe(422);
    expect(await statusOf(updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, match: { home: "", away: "United" } }))).toBe(422);
    expect(await statusOf(updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "PAUSED" }))).toBe(422);
    expect(await db.liveCoverage.findUniqueOrThrow({ where: { articleId: story.id } })).toEqual(before);
  });
});

describe("entries", () => {
  it("shows readers pinned entries first, then the newest first (postedAt, then id), with their authors and score", async () => {
    const story = await liveStory();
    const oldest = await post(editor, story.id, "Teams are out.", { postedAt: minutesAgo(30) });
    const middle = await post(reporter, story.id, "Kick-off.", { postedAt: minutesAgo(20), type: "PERIOD_START", minuteOrPeriod: "1'" });
    const sameMoment = minutesAgo(10);
    const tieA = await post(editor, story.id, "GOAL! City lead.", { postedAt: sameMoment, type: "GOAL", keyEvent: true, homeScore: 1, awayScore: 0, minuteOrPeriod: "12'" });
    const tieB = await post(editor, story.id, "Yellow card.", { postedAt: sameMoment, type: "CARD" });
    await setPinned(editor, { entryId: oldest.id, expectedVersion: oldest.version, value: true });

    const { entries } = await readerEntries(story.id);
    const [later, earlier] = [tieA.id, tieB.id].sort().reverse();
    expect(entries.map((entry) => entry.id)).toEqual([oldest.id, later, earlier, middle.id]);
    expect(entries[0]).toMatchObject({ pinned: true, bodyText: "Teams are out.", authors: [] });
    expect(entries.find((entry) => entry.id === middle.id)).toMatchObject({ type: "PERIOD_START", authors: [{ id: reporterProfile.id }], homeScore: null, minuteOrPeriod: "1'" });
    expect(entries.find((entry) => entry.id === tieA.id)).toMatchObject({ type: "GOAL", keyEvent: true, homeScore: 1, awayScore: 0, minuteOrPeriod: "12'" });
  });

  it("keeps ordered bylines as given", async () => {
    const story = await liveStory();
    await post(editor, story.id, "Two of us here.", { authorIds: [reporterProfile.id, deskProfile.id] });
    const { entries } = await readerEntries(story.id);
    expect(entries[0].authors.map((author) => author.id)).toEqual([reporterProfile.id, deskProfile.id]);
  });

  it("edits in place with the version it saw: a stale edit is a 409 and changes nothing", async () => {
    const story = await liveStory();
    const postedAt = minutesAgo(5);
    const entry = await post(editor, story.id, "Goal for Citty.", { postedAt });
    await post(editor, story.id, "A later entry.");
    const edited = await editEntry(editor, { entryId: entry.id, expectedVersion: entry.version, postedAt, body: doc("Goal for City.") });
    expect(edited.version).toBe(entry.version + 1);
    const stale = await editEntry(admin, { entryId: entry.id, expectedVersion: entry.version, postedAt, body: doc("Overwritten.") }).catch(toFailure);
    expect(stale).toMatchObject({ status: 409, message: expect.stringContaining("Live Editor") });
    const { entries } = await readerEntries(story.id);
    expect(entries[1]).toMatchObject({ id: entry.id, bodyText: "Goal for City.", version: edited.version, postedAt: postedAt.toISOString() });
  });

  it("deletes as a tombstone: gone for readers, and a second delete, an edit or a pin is refused (410) and never brings it back", async () => {
    const story = await liveStory();
    const entry = await post(editor, story.id, "Wrong score posted.");
    const cursor = (await readerEntries(story.id)).cursor;
    const deleted = await deleteEntry(editor, { entryId: entry.id, expectedVersion: entry.version });
    expect((await readerEntries(story.id)).entries).toEqual([]);
    expect(await statusOf(deleteEntry(editor, { entryId: entry.id, expectedVersion: deleted.version }))).toBe(410);
    expect(await statusOf(editEntry(editor, { entryId: entry.id, expectedVersion: deleted.version, postedAt: new Date(), body: doc("Back?") }))).toBe(410);
    expect(await statusOf(setPinned(editor, { entryId: entry.id, expectedVersion: deleted.version, value: true }))).toBe(410);
    expect(await statusOf(setKeyEvent(editor, { entryId: entry.id, expectedVersion: deleted.version, value: true }))).toBe(410);
    expect((await readerEntries(story.id)).entries).toEqual([]);
    const after = await changes(story.id, cursor);
    expect(after.changes).toEqual([{ seq: deleted.seq, kind: "DELETED", type: "tombstone", entryId: entry.id }]);
    expect(await db.liveEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ deletedAt: expect.any(Date), bodyText: "Wrong score posted." });
  });

  it("an edit racing a delete never resurrects the entry", async () => {
    const story = await liveStory();
    const entry = await post(editor, story.id, "Racing.");
    const [edit, remove] = await Promise.all([
      statusOf(editEntry(editor, { entryId: entry.id, expectedVersion: entry.version, postedAt: new Date(), body: doc("Edited.") })),
      statusOf(deleteEntry(admin, { entryId: entry.id, expectedVersion: entry.version })),
    ]);
    // Whichever commits first wins; the other is refused. A delete that lost is made again.
    if (remove === 200) expect([409, 410]).toContain(edit);
    else {
      expect([edit, remove]).toEqual([200, 409]);
      await deleteEntry(admin, { entryId: entry.id, expectedVersion: entry.version + 1 });
    }
    expect((await readerEntries(story.id)).entries).toEqual([]);
  });

  it("pins and unpins, and a pin to the value it has changes nothing", async () => {
    const story = await liveStory();
    const entry = await post(editor, story.id, "Pin me.");
    const pinned = await setPinned(editor, { entryId: entry.id, expectedVersion: entry.version, value: true });
    const again = await setPinned(editor, { entryId: entry.id, expectedVersion: pinned.version, value: true });
    expect(again).toEqual({ id: entry.id, version: pinned.version, seq: null });
    const unpinned = await setPinned(editor, { entryId: entry.id, expectedVersion: pinned.version, value: false });
    const log = await changes(story.id, 0);
    expect(log.changes.at(-1)).toMatchObject({ seq: unpinned.seq, kind: "UNPINNED", type: "entry", entry: { id: entry.id, pinned: false } });
    expect(await db.liveChange.count({ where: { entryId: entry.id } })).toBe(3);
  });

  it("refuses bad entries with a 4xx and writes nothing", async () => {
    const story = await liveStory();
    const counts = () => Promise.all([db.liveEntry.count(), db.liveChange.count(), db.auditEntry.count()]);
    const before = await counts();
    const unsafeLink = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
    const cases: [unknown, number][] = [
      [{ articleId: story.id, body: { type: "doc", content: [{ type: "script", content: [] }] } }, 422],
      [{ articleId: story.id, body: unsafeLink }, 422],
      [{ articleId: story.id, body: "<p>html</p>" }, 422],
      [{ articleId: story.id, body: { type: "doc", content: [{ type: "paragraph" }] } }, 422],
      [{ articleId: story.id, body: doc("Half a score."), homeScore: 1 }, 422],
      [{ articleId: story.id, body: doc("From the future."), postedAt: new Date(Date.now() + 3_600_000).toISOString() }, 422],
      [{ articleId: story.id, body: doc("Nobody."), authorIds: ["no-such-profile"] }, 422],
      [{ articleId: story.id, body: doc("Twice."), authorIds: [deskProfile.id, deskProfile.id] }, 422],
      [{ articleId: story.id, body: doc("Odd type."), type: "PENALTY" }, 422],
      [{ articleId: story.id, body: { type: "doc", content: [{ type: "figure", attrs: { mediaId: "c0000000000000000000000000" } }] } }, 422],
      [{ articleId: "no-such-story", body: doc("Where?") }, 404],
    ];
    for (const [input, status] of cases) expect([input, await statusOf(postEntry(editor, input))]).toEqual([input, status]);
    expect(await counts()).toEqual(before);
  });
});

describe("the changes cursor", () => {
  it("returns each change after the cursor once, in seq order, in its current shape, with when to ask again", async () => {
    const story = await liveStory();
    const start = (await readerEntries(story.id)).cursor;
    const first = await post(editor, story.id, "First.");
    const second = await post(editor, story.id, "Second.");
    await editEntry(editor, { entryId: first.id, expectedVersion: first.version, postedAt: minutesAgo(1), body: doc("First, edited.") });
    const edited = await db.liveEntry.findUniqueOrThrow({ where: { id: first.id } });
    await setKeyEvent(editor, { entryId: first.id, expectedVersion: edited.version, value: true });
    await updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" });

    const all = await changes(story.id, start);
    expect(all.changes.map((change) => [change.type, change.kind])).toEqual([
      ["entry", "CREATED"],
      ["entry", "EDITED"],
      ["coverage", "COVERAGE"],
    ]);
    expect(entryIdsOf(all)).toEqual([second.id, first.id]);
    expect(all.changes[1]).toMatchObject({ entry: { bodyText: "First, edited.", keyEvent: true } });
    expect(all.changes[2]).toMatchObject({ coverage: { status: "LIVE" } });
    expect(all).toMatchObject({ cursor: start + 5, hasMore: false, pollAfterMs: 5000 });

    const paged = await changes(story.id, start, 2);
    expect(paged).toMatchObject({ cursor: start + 2, hasMore: true });
    expect(entryIdsOf(paged)).toEqual([first.id, second.id]);
    const rest = await changes(story.id, paged.cursor);
    expect(rest.cursor).toBe(all.cursor);
    expect((await changes(story.id, all.cursor)).changes).toEqual([]);
  });

  it("takes pollAfterMs from LIVE_POLL_AFTER_MS, and starts over for a cursor from another history", async () => {
    const story = await liveStory();
    await post(editor, story.id, "Only entry.");
    process.env.LIVE_POLL_AFTER_MS = "30000";
    const read = await changes(story.id, 999_999);
    expect(read.pollAfterMs).toBe(30000);
    expect(read.changes.map((change) => change.type)).toEqual(["coverage", "entry"]);
    expect(await statusOf(changesSince({ articleId: story.id, cursor: -1 }))).toBe(422);
  });

  it("gives entries committed at the same moment distinct seqs, and a reader polling meanwhile gets each exactly once", async () => {
    const story = await liveStory();
    const start = (await readerEntries(story.id)).cursor;
    const seen: string[] = [];
    let cursor = start;
    let isPosting = true;
    const poll = async () => {
      while (isPosting) {
        const read = await changes(story.id, cursor);
        seen.push(...entryIdsOf(read));
        cursor = read.cursor;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const polling = poll();
    const postedAt = new Date();
    const posted = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? reporter : editor, story.id, `Same moment ${i}.`, { postedAt })));
    isPosting = false;
    await polling;
    const last = await changes(story.id, cursor);
    seen.push(...entryIdsOf(last));

    const seqs = posted.map((entry) => entry.seq!).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => start + 1 + i));
    expect(seen.sort()).toEqual(posted.map((entry) => entry.id).sort());

    const bySeq = [...posted].sort((a, b) => a.seq! - b.seq!);
    const afterFirst = await changes(story.id, bySeq[0].seq!);
    expect(entryIdsOf(afterFirst)).toEqual(bySeq.slice(1).map((entry) => entry.id));
  });
});

describe("what readers see before the story is public", () => {
  it("shows nothing of a draft's coverage, then everything posted once it is published", async () => {
    const story = await liveStory({ publish: false });
    const entry = await post(editor, story.id, "Warm-up notes.");
    expect(await liveCoverageOf(story.id)).toBeNull();
    expect(await entriesForReaders(story.id)).toBeNull();
    expect(await changesSince({ articleId: story.id, cursor: 0 })).toBeNull();
    const { version } = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } });
    await publishArticle(editor, { articleId: story.id, expectedVersion: version });
    expect((await readerEntries(story.id)).entries.map((e) => e.id)).toEqual([entry.id]);
    expect(entryIdsOf(await changes(story.id, 0))).toEqual([entry.id]);
  });

  it("shows nothing while the story is embargoed, even if it was published by mistake", async () => {
    const story = await liveStory({ publish: false, embargoUntil: new Date(Date.now() + 3_600_000) });
    await post(editor, story.id, "Under embargo.");
    await db.article.update({ where: { id: story.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await liveCoverageOf(story.id)).toBeNull();
    expect(await entriesForReaders(story.id)).toBeNull();
    expect(await changesSince({ articleId: story.id, cursor: 0 })).toBeNull();
  });
});

describe("who may write", () => {
  it("lets a contributor on the story's byline post, and edit and delete only their own entries", async () => {
    const story = await liveStory();
    const own = await post(reporter, story.id, "From the press box.");
    expect(await db.liveEntry.findUniqueOrThrow({ where: { id: own.id }, include: { authors: true } })).toMatchObject({ createdById: reporter.id, authors: [{ profileId: reporterProfile.id }] });
    const edited = await editEntry(reporter, { entryId: own.id, expectedVersion: own.version, postedAt: new Date(), body: doc("From the press box, edited.") });
    const marked = await setKeyEvent(reporter, { entryId: own.id, expectedVersion: edited.version, value: true });
    const desks = await post(editor, story.id, "From the desk.");
    expect(await statusOf(editEntry(reporter, { entryId: desks.id, expectedVersion: desks.version, postedAt: new Date(), body: doc("Mine now.") }))).toBe(403);
    expect(await statusOf(deleteEntry(reporter, { entryId: desks.id, expectedVersion: desks.version }))).toBe(403);
    expect(await statusOf(setPinned(reporter, { entryId: own.id, expectedVersion: marked.version, value: true }))).toBe(403);
    expect(await statusOf(updateCoverage(reporter, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" }))).toBe(403);
    expect(await statusOf(makeLiveCoverage(reporter, { articleId: story.id }))).toBe(403);
    await deleteEntry(reporter, { entryId: own.id, expectedVersion: marked.version });
    expect((await readerEntries(story.id)).entries.map((entry) => entry.id)).toEqual([desks.id]);
    expect(await db.auditEntry.findMany({ where: { entityType: "LiveEntry", entityId: own.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true } })).toEqual([
      { action: "live.post", actorId: reporter.id },
      { action: "live.edit", actorId: reporter.id },
      { action: "live.key-event", actorId: reporter.id },
      { action: "live.delete", actorId: reporter.id },
    ]);
  });

  it("refuses a contributor off the byline (403) and anyone signed out (401), and changes nothing", async () => {
    const story = await liveStory();
    const entry = await post(editor, story.id, "Desk entry.");
    const counts = () => Promise.all([db.liveEntry.count(), db.liveChange.count(), db.auditEntry.count(), db.liveEntry.findUniqueOrThrow({ where: { id: entry.id } })]);
    const before = await counts();
    for (const actor of [outsider, null]) {
      const expected = actor ? 403 : 401;
      expect(await statusOf(post(actor, story.id, "Let me in."))).toBe(expected);
      expect(await statusOf(editEntry(actor, { entryId: entry.id, expectedVersion: entry.version, postedAt: new Date(), body: doc("No.") }))).toBe(expected);
      expect(await statusOf(deleteEntry(actor, { entryId: entry.id, expectedVersion: entry.version }))).toBe(expected);
      expect(await statusOf(setKeyEvent(actor, { entryId: entry.id, expectedVersion: entry.version, value: true }))).toBe(expected);
      expect(await statusOf(setPinned(actor, { entryId: entry.id, expectedVersion: entry.version, value: true }))).toBe(expected);
      expect(await statusOf(updateCoverage(actor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" }))).toBe(expected);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets editors and admins change anyone's entries", async () => {
    const story = await liveStory();
    const own = await post(reporter, story.id, "Reporter's entry.");
    const edited = await editEntry(editor, { entryId: own.id, expectedVersion: own.version, postedAt: new Date(), body: doc("Subbed by the desk.") });
    const pinned = await setPinned(admin, { entryId: own.id, expectedVersion: edited.version, value: true });
    await deleteEntry(admin, { entryId: own.id, expectedVersion: pinned.version });
    expect((await readerEntries(story.id)).entries).toEqual([]);
  });
});

describe("byline merges", () => {
  it("credit the source profile's live entries to the target, once and in the earlier place", async () => {
    const story = await liveStory();
    const [source, target] = await Promise.all(["Source", "Target"].map((name) => db.bylineProfile.create({ data: { name: `${name} ${run}`, slug: `live-${name.toLowerCase()}-${run}` } })));
    const alone = await post(editor, story.id, "Source alone.", { authorIds: [source.id] });
    const both = await post(editor, story.id, "Both of them.", { authorIds: [deskProfile.id, source.id, target.id] });
    await mergeBylineProfiles(admin, { sourceId: source.id, sourceVersion: source.version, targetId: target.id, targetVersion: target.version });
    const authorsOf = async (id: string) => (await db.liveEntryAuthor.findMany({ where: { entryId: id }, orderBy: { position: "asc" } })).map((a) => [a.profileId, a.position]);
    expect(await authorsOf(alone.id)).toEqual([[target.id, 0]]);
    expect(await authorsOf(both.id)).toEqual([
      [deskProfile.id, 0],
      [target.id, 1],
    ]);
  });
});

describe("making an entry a story", () => {
  it("makes a draft with the entry's text, blocks and authors in the live story's section, linking back, and leaves the entry as it was", async () => {
    const story = await liveStory();
    const other = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED", id: { not: story.id } } });
    const body = { type: "doc", content: [paragraph("Mensah's second goal, from every angle."), { type: "relatedStory", attrs: { articleId: other.id, label: "Earlier:" } }] };
    const entry = await postEntry(editor, { articleId: story.id, body, authorIds: [reporterProfile.id, deskProfile.id] });
    const entryBefore = await db.liveEntry.findUniqueOrThrow({ where: { id: entry.id } });
    const changesBefore = await db.liveChange.count({ where: { articleId: story.id } });

    const made = await promoteEntry(reporter, { entryId: entry.id, expectedVersion: entry.version });
    expect(made.href).toBe(`/newsroom/stories/${made.articleId}`);
    const draft = await db.article.findUniqueOrThrow({ where: { id: made.articleId }, include: { bylines: { orderBy: { position: "asc" } }, notes: true } });
    expect(draft).toMatchObject({ status: "DRAFT", headline: "Mensah's second goal, from every angle.", sectionId: section.id, createdById: reporter.id });
    expect(draft.slug).toMatch(/^mensahs-second-goal-from-every-angle-[0-9a-f]{6}$/);
    expect(draft.bylines.map((byline) => byline.profileId)).toEqual([reporterProfile.id, deskProfile.id]);
    const draftBody = (typeof draft.body === "string" ? JSON.parse(draft.body) : draft.body) as { content: { type: string; attrs?: Record<string, unknown> }[] };
    expect(draftBody.content.map((node) => [node.type, node.attrs?.articleId ?? null, node.attrs?.label ?? null])).toEqual([
      ["paragraph", null, null],
      ["relatedStory", other.id, "Earlier:"],
      ["relatedStory", story.id, LINK_BACK_LABEL],
    ]);
    expect(draft.notes.map((note) => note.text)).toEqual([expect.stringContaining("Made from a live entry in “Live: City v United")]);
    expect(await db.auditEntry.count({ where: { action: "live.promote-entry", entityId: made.articleId, actorId: reporter.id } })).toBe(1);
    expect(await db.liveEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entryBefore);
    expect(await db.liveChange.count({ where: { articleId: story.id } })).toBe(changesBefore);
    // Readers see nothing of it: a draft.
    expect((await readerEntries(story.id)).entries.map((shown) => shown.id)).toContain(entry.id);
    expect(await db.article.count({ where: { id: made.articleId, status: "PUBLISHED" } })).toBe(0);
  });

  it("refuses a stale version (409), a deleted entry (410), a contributor off the byline (403), signed out (401) and bad input (422), making no story", async () => {
    const story = await liveStory();
    const entry = await post(editor, story.id, "A moment worth a story.");
    const edited = await editEntry(editor, { entryId: entry.id, expectedVersion: entry.version, postedAt: new Date(), body: doc("A moment worth a story, edited.") });
    const doomed = await post(editor, story.id, "Soon gone.");
    const gone = await deleteEntry(editor, { entryId: doomed.id, expectedVersion: doomed.version });
    const before = await db.article.count();
    expect(await statusOf(promoteEntry(editor, { entryId: entry.id, expectedVersion: entry.version }))).toBe(409);
    expect(await statusOf(promoteEntry(editor, { entryId: doomed.id, expectedVersion: gone.version }))).toBe(410);
    expect(await statusOf(promoteEntry(outsider, { entryId: entry.id, expectedVersion: edited.version }))).toBe(403);
    expect(await statusOf(promoteEntry(null, { entryId: entry.id, expectedVersion: edited.version }))).toBe(401);
    expect(await statusOf(promoteEntry(editor, { entryId: entry.id }))).toBe(422);
    expect(await statusOf(promoteEntry(editor, { entryId: "no-such-entry", expectedVersion: 1 }))).toBe(404);
    expect(await db.article.count()).toBe(before);
  });
});
