// Every server action of the live desk (app/(newsroom)/newsroom/stories/[id]/live/actions.ts: the
// signed-in user is read from the session, errors become statuses) as anonymous, contributor,
// editor and admin on a published live story whose byline does not name the contributor: allowed
// calls succeed; the others get 401/403 and leave the database exactly as it was. Every command
// of lib/live/commands.ts is reached by one of them. (A contributor on the byline is tested in
// live-coverage.test.ts and live-desk.test.ts.)
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import type { ActionResult } from "../../lib/action-result";
import type { Actor } from "../../lib/permissions";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import * as liveCommands from "../../lib/live/commands";
import * as liveActions from "../../app/(newsroom)/newsroom/stories/[id]/live/actions";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";
import { itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { currentInput, paragraph } from "../fixtures/article-input";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.25" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const DESK = ["EDITOR", "ADMIN"] as const;
const doc = (text: string) => ({ type: "doc", content: [paragraph(text)] });

type Live = { articleId: string; coverageVersion: number; entry: { id: string; version: number } };
type Case = { allowed: readonly ("CONTRIBUTOR" | "EDITOR" | "ADMIN")[]; prepare: () => Promise<Live>; call: (live: Live) => Promise<ActionResult<unknown>> };

let author: Actor;

async function publishedStory(): Promise<string> {
  const { id } = await createArticle(author, { headline: "Matrix live" });
  const { version, article } = await currentInput(id);
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profile = await db.bylineProfile.findFirstOrThrow({ where: { userId: null } });
  const body = { type: "doc", content: [paragraph("Body.")] };
  const saved = await saveArticle(author, {
    articleId: id,
    expectedVersion: version,
    article: { ...article, headline: "Matrix live", standfirst: "Standfirst.", sectionId: section.id, bylines: [{ profileId: profile.id, role: "REPORTER" }], body },
  });
  await publishArticle(author, { articleId: id, expectedVersion: saved.version });
  return id;
}

async function liveStory(): Promise<Live> {
  const articleId = await publishedStory();
  const coverage = await liveCommands.makeLiveCoverage(author, { articleId });
  const entry = await liveCommands.postEntry(author, { articleId, body: doc("First entry.") });
  return { articleId, coverageVersion: coverage.version, entry: { id: entry.id, version: entry.version } };
}

async function plainStory(): Promise<Live> {
  return { articleId: await publishedStory(), coverageVersion: 1, entry: { id: "", version: 1 } };
}

const CASES: Record<string, Case> = {
  readLiveDesk: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.readLiveDeskAction(s.articleId) },
  makeLiveCoverage: { allowed: DESK, prepare: plainStory, call: (s) => liveActions.makeLiveCoverageAction({ articleId: s.articleId }) },
  updateCoverage: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.updateCoverageAction({ articleId: s.articleId, expectedVersion: s.coverageVersion, status: "LIVE" }) },
  postEntry: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.postEntryAction({ articleId: s.articleId, body: doc("Another entry.") }) },
  postScore: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.postScoreAction({ articleId: s.articleId, homeScore: 1, awayScore: 0, minuteOrPeriod: "12'" }) },
  editEntry: {
    allowed: DESK,
    prepare: liveStory,
    call: (s) => liveActions.editEntryAction({ entryId: s.entry.id, expectedVersion: s.entry.version, postedAt: new Date().toISOString(), body: doc("Edited.") }),
  },
  deleteEntry: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.deleteEntryAction({ entryId: s.entry.id, expectedVersion: s.entry.version }) },
  setPinned: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.setPinnedAction({ entryId: s.entry.id, expectedVersion: s.entry.version, value: true }) },
  setKeyEvent: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.setKeyEventAction({ entryId: s.entry.id, expectedVersion: s.entry.version, value: true }) },
  // Makes a new draft: the contributor may create stories but is not on this coverage's byline.
  promoteEntry: { allowed: DESK, prepare: liveStory, call: (s) => liveActions.promoteEntryAction({ entryId: s.entry.id, expectedVersion: s.entry.version }) },
};

async function snapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    db.liveCoverage.findMany({ orderBy: { articleId: "asc" } }),
    db.liveEntry.findMany(byId),
    db.liveEntryAuthor.findMany(byId),
    db.liveChange.findMany(byId),
    db.auditEntry.findMany(byId),
    db.article.findMany(byId),
  ]);
}

const callers = noCallers();

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  const writer = await createTestUser("EDITOR");
  author = { id: writer.id, role: writer.role, name: writer.name };
  await signUpCallers(callers);
});

describe("the live desk's permission matrix", () => {
  it("covers every exported server action, and through them every live command", async () => {
    const story = await liveStory();
    await signInAs(request, null);
    const reached = new Set<string>();
    const commandsReached = new Set<string>();
    const names = Object.keys(liveActions);
    const commandNames = Object.keys(liveCommands).filter((name) => typeof liveCommands[name as keyof typeof liveCommands] === "function");
    for (const testCase of Object.values(CASES)) {
      const spies = names.map((name) => vi.spyOn(liveActions as Record<string, (...args: never[]) => unknown>, name));
      await testCase.call(story).catch(() => undefined);
      spies.forEach((spy, index) => spy.mock.calls.length && reached.add(names[index]));
      spies.forEach((spy) => spy.mockRestore());
    }
    for (const name of reached) commandsReached.add(name.replace(/Action$/, ""));
    expect(reached).toEqual(new Set(names));
    expect(commandNames.filter((name) => !commandsReached.has(name))).toEqual([]);
  });

  itChecksEveryCaller(CASES, { request, callers, snapshot });
});
