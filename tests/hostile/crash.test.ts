// kill -9 during publishing, 100 times. A server process publishes drafts through the newsroom's
// publish path (support/h3-publish-server.ts: lib/articles/workflow.ts publishArticle with its
// permission and version checks, answering 200 only after the commit; a small HTTP server instead
// of Next.js, which would take minutes to start 100 times) while the test keeps several publishes
// in flight; once publishes are being answered, it SIGKILLs the server at a random moment (the
// server logs the start and end of each publish, so the test knows which ones a kill cut through),
// and a warm standby takes over on the same SQLite file. Afterwards: PRAGMA integrity_check and the
// search index's own check are ok; every story is either fully published (status, dates, version,
// PUBLISH revision, search row, audit entry) or fully still a draft, never half of it; every
// publish answered 200 is published.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startWorker, type Worker } from "./support/h3-worker-pool";
import { bundleScript } from "./support/h3-bundle";

const KILLS = 100;
const STORIES = 2_000;
const IN_FLIGHT = 3;
const STANDBYS = 2;
const MAX_KILL_DELAY_MS = 250;
const FIRST_ANSWER_TIMEOUT_MS = 10_000;

type Ledger = {
  sent: Set<string>;
  answered: Set<string>;
  refused: string[];
  unanswered: Set<string>;
  inFlight: number;
  killsWithRequestsInFlight: number;
  killsDuringPublish: number;
  publishesCut: number;
};
type Verdict = { published: string[]; drafts: string[]; half: string[] };

let database: TestDatabase;
let file: string;
let bundle: { file: string; remove: () => void };
let editorId: string;
const queue: string[] = [];
const started: Promise<Worker>[] = [];

beforeAll(async () => {
  database = await createSqliteDatabase("crash");
  file = database.databaseUrl.replace(/^file:/, "");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  const [drafts, bundled] = await Promise.all([createPublishableDrafts(STORIES), bundleScript("tests/hostile/support/h3-publish-server.ts")]);
  queue.push(...drafts);
  bundle = bundled;
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.then((s) => s.child.kill("SIGKILL")).catch(() => undefined)));
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  bundle?.remove();
  if (database) removeDir(database.dir);
});

// Drafts that pass the publish checks (headline, standfirst, section, byline), written in bulk:
// what is under test is publishing them.
async function createPublishableDrafts(count: number): Promise<string[]> {
  const { db } = await import("../../lib/db");
  const { createStaff } = await import("../fixtures/staff");
  const { newRecordId } = await import("../fixtures/article-input");
  editorId = (await createStaff("EDITOR", "Crash editor")).id;
  const section = await db.section.create({ data: { name: "Crash", slug: "crash" } });
  const profile = await db.bylineProfile.create({ data: { name: "Crash Reporter", slug: "crash-reporter" } });
  const ids = Array.from({ length: count }, () => newRecordId());
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Crash body." }] }] };
  await db.article.createMany({
    data: ids.map((id, i) => ({
      id,
      slug: `crash-story-${i}`,
      headline: `Crash story ${i}`,
      standfirst: "Standfirst.",
      sectionId: section.id,
      body,
      bodyText: "Crash body.",
      createdById: editorId,
      lastEditedById: editorId,
    })),
  });
  await db.articleByline.createMany({ data: ids.map((articleId) => ({ articleId, profileId: profile.id, position: 0 })) });
  return ids;
}

type Standby = { server: Promise<Worker>; output: string[] };

function startStandby(): Standby {
  const output: string[] = [];
  const server = startWorker(bundle.file, { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir }, (chunk) => output.push(chunk));
  server.catch(() => undefined);
  started.push(server);
  return { server, output };
}

// The publishes the server had started but not finished when it died.
function cutPublishes(output: string[]): string[] {
  const lines = output.join("").split("\n");
  const ended = new Set(lines.filter((line) => line.startsWith("end ")).map((line) => line.slice(4)));
  return lines.filter((line) => line.startsWith("start ") && !ended.has(line.slice(6))).map((line) => line.slice(6));
}

async function publishUntilKilled(port: number, ledger: Ledger, isKilled: () => boolean, onAnswer: () => void): Promise<void> {
  while (!isKilled()) {
    const articleId = queue.shift();
    if (!articleId) return;
    ledger.sent.add(articleId);
    ledger.inFlight += 1;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/publish`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-editor-id": editorId },
        body: JSON.stringify({ articleId, expectedVersion: 1 }),
      });
      if (response.status === 200) ledger.answered.add(articleId);
      const text = await response.text();
      if (response.status !== 200) ledger.refused.push(`${articleId}: ${response.status} ${text}`);
      onAnswer();
    } catch {
      if (!ledger.answered.has(articleId)) ledger.unanswered.add(articleId);
    } finally {
      ledger.inFlight -= 1;
    }
  }
}

// One server's life: publishes kept in flight; once they are being answered, SIGKILL at a random moment.
async function publishAndKill(standby: Standby, ledger: Ledger): Promise<void> {
  const server = await standby.server;
  const port = await server.call<number>({ op: "port" });
  let killed = false;
  let answered: () => void = () => undefined;
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
  // "close", not "exit": everything the server wrote to stdout has arrived.
  const closed = new Promise((resolve) => server.child.once("close", resolve));
  const senders = Array.from({ length: IN_FLIGHT }, () => publishUntilKilled(port, ledger, () => killed, answered));
  await Promise.race([firstAnswer, new Promise((resolve) => setTimeout(resolve, FIRST_ANSWER_TIMEOUT_MS))]);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_KILL_DELAY_MS));
  killed = true;
  const inFlight = ledger.inFlight;
  server.child.kill("SIGKILL");
  await Promise.all([closed, ...senders]);
  const cut = cutPublishes(standby.output);
  if (inFlight > 0) ledger.killsWithRequestsInFlight += 1;
  if (cut.length > 0) ledger.killsDuringPublish += 1;
  ledger.publishesCut += cut.length;
}

function integrityCheck(): string {
  const connection = new Database(file, { readonly: true });
  try {
    return String(connection.pragma("integrity_check", { simple: true }));
  } finally {
    connection.close();
  }
}

// FTS5's own check that its index matches its rows (throws if not); a write, so done once at the end.
function searchIndexCheck(): string {
  const connection = new Database(file);
  try {
    connection.prepare(`INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('integrity-check')`).run();
    return "ok";
  } finally {
    connection.close();
  }
}

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

// Published means every write of publishArticle's transaction is there; a draft means none is.
async function judgeStories(ids: string[]): Promise<Verdict> {
  const { db } = await import("../../lib/db");
  const stories = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true, status: true, version: true, publishedAt: true, firstPublishedAt: true } });
  const revisions = await db.revision.findMany({ where: { articleId: { in: ids }, kind: "PUBLISH" }, select: { articleId: true, articleVersion: true } });
  const audits = await db.auditEntry.findMany({ where: { entityId: { in: ids }, action: "article.publish" }, select: { entityId: true } });
  const indexed = await db.$queryRawUnsafe<{ articleId: string; headline: string }[]>(`SELECT k."articleId", s."headline" FROM "ArticleSearchKey" k JOIN "ArticleSearch" s ON s.rowid = k."docId"`);
  const publishRevisions = countBy(revisions.map((r) => r.articleId));
  const revisionOfVersion2 = new Set(revisions.filter((r) => r.articleVersion === 2).map((r) => r.articleId));
  const publishAudits = countBy(audits.map((a) => a.entityId));
  const indexedHeadline = new Map(indexed.map((row) => [row.articleId, row.headline]));
  const verdict: Verdict = { published: [], drafts: [], half: [] };
  for (const story of stories) {
    const isPublished =
      story.status === "PUBLISHED" &&
      story.version === 2 &&
      story.publishedAt !== null &&
      story.firstPublishedAt !== null &&
      publishRevisions.get(story.id) === 1 &&
      revisionOfVersion2.has(story.id) &&
      publishAudits.get(story.id) === 1 &&
      indexedHeadline.get(story.id) === story.headline;
    const isDraft =
      story.status === "DRAFT" &&
      story.version === 1 &&
      story.publishedAt === null &&
      story.firstPublishedAt === null &&
      !publishRevisions.has(story.id) &&
      !publishAudits.has(story.id) &&
      !indexedHeadline.has(story.id);
    verdict[isPublished ? "published" : isDraft ? "drafts" : "half"].push(story.id);
  }
  return verdict;
}

// Each kill: the oldest warm standby takes over, a new one starts loading, the server is killed
// mid-stream, and the file is checked before the next server touches it.
async function killRepeatedly(ledger: Ledger): Promise<string[]> {
  const standbys = Array.from({ length: STANDBYS }, startStandby);
  const integrity: string[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const active = standbys.shift()!;
    standbys.push(startStandby());
    await publishAndKill(active, ledger);
    integrity.push(integrityCheck());
  }
  await Promise.all(standbys.map((standby) => standby.server.then((server) => server.stop())));
  return integrity;
}

describe("kill -9 during publish", () => {
  it("the audit below notices a half-published story", async () => {
    const { db } = await import("../../lib/db");
    const articleId = queue.pop()!;
    // What a publish that committed only its first write would leave.
    await db.article.update({ where: { id: articleId }, data: { status: "PUBLISHED", publishedAt: new Date(), version: 2 } });
    expect((await judgeStories([articleId])).half).toEqual([articleId]);
  });

  // A hundred server processes cost about two minutes of CPU time: a minute or so on two cores.
  it(`${KILLS} kills: the database stays intact, no story is half-published, every 200 is kept`, { timeout: 600_000 }, async () => {
    const ledger: Ledger = { sent: new Set(), answered: new Set(), refused: [], unanswered: new Set(), inFlight: 0, killsWithRequestsInFlight: 0, killsDuringPublish: 0, publishesCut: 0 };
    const startedAt = Date.now();
    const integrity = await killRepeatedly(ledger);
    const seconds = (Date.now() - startedAt) / 1000;
    const searchIndex = searchIndexCheck();
    const verdict = await judgeStories([...ledger.sent]);
    const lostAnswers = [...ledger.answered].filter((id) => !verdict.published.includes(id));
    const publishedUnanswered = verdict.published.filter((id) => !ledger.answered.has(id)).length;
    console.log(
      `crash: ${KILLS} kills in ${seconds.toFixed(1)} s (${ledger.killsWithRequestsInFlight} with requests in flight, ${ledger.killsDuringPublish} inside ` +
        `publishArticle, cutting ${ledger.publishesCut} publishes), ${ledger.sent.size} publishes sent, ${ledger.answered.size} answered 200, ${ledger.unanswered.size} unanswered ` +
        `(${publishedUnanswered} of those had committed), ${ledger.refused.length} refused; ${verdict.published.length} published, ` +
        `${verdict.drafts.length} still drafts, ${verdict.half.length} half-published, ${lostAnswers.length} answered 200 but not published; ` +
        `integrity_check ok after ${integrity.filter((r) => r === "ok").length}/${KILLS} kills, search index check ${searchIndex}`,
    );
    expect(integrity.filter((result) => result !== "ok")).toEqual([]);
    expect(searchIndex).toBe("ok");
    expect(verdict.half).toEqual([]);
    expect(lostAnswers).toEqual([]);
    expect(ledger.refused).toEqual([]);
    expect(verdict.published.length + verdict.drafts.length).toBe(ledger.sent.size);
    expect(ledger.answered.size).toBeGreaterThanOrEqual(KILLS);
    expect(ledger.killsWithRequestsInFlight).toBe(KILLS);
    expect(ledger.killsDuringPublish).toBeGreaterThan(0);
  });
});
