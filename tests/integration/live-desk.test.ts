// The live desk's staff read (lib/live/desk-queries.ts) and its score update (lib/live/score.ts) on
// a real database: every entry, deleted ones as tombstones, pinned first then newest first, with
// versions, authors and flags; a draft's coverage is readable by the desk before readers see
// anything; a contributor on the byline may open it and edit only their own entries; anyone else
// is refused. A story not yet live answers with no coverage (the desk offers to make it live).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { deleteEntry, editEntry, makeLiveCoverage, postEntry, setPinned } from "../../lib/live/commands";
import { readLiveDesk } from "../../lib/live/desk-queries";
import { postScoreUpdate } from "../../lib/live/score";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, paragraph } from "../fixtures/article-input";

const run = uniqueSuffix();
let editor: Actor;
let reporter: Actor;
let outsider: Actor;
let reporterProfile: { id: string };

const doc = (text: string) => ({ type: "doc", content: [paragraph(text)] });
const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, reporter, outsider] = await Promise.all([createStaff("EDITOR", "Desk Editor"), createStaff("CONTRIBUTOR", "Desk Reporter"), createStaff("CONTRIBUTOR", "Desk Outsider")]);
  reporterProfile = await db.bylineProfile.create({ data: { name: `Desk Reporter ${run}`, slug: `desk-reporter-${run}`, userId: reporter.id } });
});

// A draft by the editor with the reporter on its byline (drafts are the desk's before kick-off).
async function draftStory(): Promise<string> {
  const { id } = await createArticle(editor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  await saveArticle(editor, {
    articleId: id,
    expectedVersion: version,
    article: { ...article, headline: `Desk: Rovers v Town ${run}`, bylines: [{ profileId: reporterProfile.id, role: "REPORTER" }], body: doc("Live.") },
  });
  return id;
}

describe("the live desk's read", () => {
  it("lists every entry for the desk, tombstones included, pinned first then newest first", async () => {
    const id = await draftStory();
    expect((await readLiveDesk(editor, id)).coverage).toBeNull();
    await makeLiveCoverage(editor, { articleId: id, match: { home: "Rovers", away: "Town" } });
    const first = await postEntry(editor, { articleId: id, body: doc("Teams are out."), postedAt: minutesAgo(30) });
    const second = await postEntry(reporter, { articleId: id, body: doc("Kick-off."), postedAt: minutesAgo(20), type: "PERIOD_START" });
    const third = await postEntry(editor, { articleId: id, body: doc("A wrong entry."), postedAt: minutesAgo(10) });
    await setPinned(editor, { entryId: first.id, expectedVersion: first.version, value: true });
    await deleteEntry(editor, { entryId: third.id, expectedVersion: third.version });

    const desk = await readLiveDesk(editor, id);
    expect(desk).toMatchObject({ articleId: id, storyStatus: "DRAFT", canManage: true, canPost: true, coverage: { status: "UPCOMING", match: { home: "Rovers", away: "Town" } } });
    expect(desk.entries.map((entry) => [entry.id, entry.pinned, entry.deletedAt !== null, entry.version])).toEqual([
      [first.id, true, false, 2],
      [third.id, false, true, 2],
      [second.id, false, false, 1],
    ]);
    expect(desk.entries[2]).toMatchObject({ type: "PERIOD_START", bodyText: "Kick-off.", authors: [{ id: reporterProfile.id }], createdById: reporter.id, canEdit: true });
    expect(desk.entries[1].canEdit).toBe(false);
    expect(desk.lastSeq).toBe((await db.liveCoverage.findUniqueOrThrow({ where: { articleId: id } })).lastSeq);
  });

  it("lets a contributor on the byline open it and edit only their own entries; refuses others", async () => {
    const id = await draftStory();
    await makeLiveCoverage(editor, { articleId: id });
    const mine = await postEntry(reporter, { articleId: id, body: doc("From the ground.") });
    const desks = await postEntry(editor, { articleId: id, body: doc("From the desk.") });
    const desk = await readLiveDesk(reporter, id);
    expect(desk).toMatchObject({ canManage: false, canPost: true });
    expect(Object.fromEntries(desk.entries.map((entry) => [entry.id, entry.canEdit]))).toEqual({ [mine.id]: true, [desks.id]: false });
    expect(await statusOf(readLiveDesk(outsider, id))).toBe(403);
    expect(await statusOf(readLiveDesk(null, id))).toBe(401);
    expect(await statusOf(readLiveDesk(editor, "no-such-story"))).toBe(404);
  });

  it("shows an edit's new version, and a stale edit is a 409 that changes nothing", async () => {
    const id = await draftStory();
    await makeLiveCoverage(editor, { articleId: id });
    const entry = await postEntry(editor, { articleId: id, body: doc("Frist half.") });
    const postedAt = (await readLiveDesk(editor, id)).entries[0].postedAt;
    await editEntry(editor, { entryId: entry.id, expectedVersion: entry.version, postedAt, body: doc("First half.") });
    expect(await statusOf(editEntry(reporter, { entryId: entry.id, expectedVersion: entry.version, postedAt, body: doc("Stale.") }))).toBe(403);
    expect(await statusOf(editEntry(editor, { entryId: entry.id, expectedVersion: entry.version, postedAt, body: doc("Stale.") }))).toBe(409);
    expect((await readLiveDesk(editor, id)).entries[0]).toMatchObject({ bodyText: "First half.", version: 2, postedAt });
  });
});

describe("the one-click score update", () => {
  it("posts a key goal entry naming the match and the new score", async () => {
    const id = await draftStory();
    await makeLiveCoverage(editor, { articleId: id, match: { home: "Rovers", away: "Town" } });
    await postScoreUpdate(reporter, { articleId: id, homeScore: 2, awayScore: 1, minuteOrPeriod: "67'" });
    expect((await readLiveDesk(editor, id)).entries[0]).toMatchObject({ type: "GOAL", keyEvent: true, homeScore: 2, awayScore: 1, minuteOrPeriod: "67'", bodyText: "Score: Rovers 2–1 Town" });
    expect(await statusOf(postScoreUpdate(outsider, { articleId: id, homeScore: 3, awayScore: 1 }))).toBe(403);
    expect(await statusOf(postScoreUpdate(editor, { articleId: id, homeScore: -1, awayScore: 1 }))).toBe(422);
    expect((await readLiveDesk(editor, id)).entries).toHaveLength(1);
  });
});
