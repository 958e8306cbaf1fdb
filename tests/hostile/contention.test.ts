// SQLite contention: while a separate writer process (support/h3-writer.ts) makes 1,000 writes
// through lib/ to the production server's database file, readers load the site (front, section,
// tag and author pages, stories, feeds, and search with ever-changing queries, which is never
// cached; the writer makes the server drop the pages it changes, so many are rendered afresh) and
// an editor saves stories through the story server action over HTTP, so the server writes too.
// No SQLITE_BUSY may reach anyone: no response of 500 or more, no "database is locked" in a
// response or in the server's log, no write of the writer failing.
// The database holds the demo newsroom without its pictures (support/h3-text-newsroom.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { startWorker, type Worker } from "./support/h3-worker-pool";
import { callServerAction, serverActionId } from "./support/h3-server-action";
import type { WriterJob, WriterReport } from "./support/h3-writer";

const WRITES = 1_000;
const READERS = 2;
const EDITOR_PAUSE_MS = 200;
const SECRET = "pressbox-hostile-contention-secret";
const LOG = path.join("test-results", "hostile", "contention-server.log");
// How a busy SQLite database shows through better-sqlite3 and Prisma.
const BUSY = /SQLITE_BUSY|database is locked|Operation has timed out|SocketTimeout/i;
const SEARCH_WORDS = ["gold", "final", "record", "coach", "season", "injury", "title", "race", "match", "goal", "win", "team"];

type Site = { stories: string[]; listings: string[]; sections: string[]; saveIds: string[]; toggleIds: string[]; editorIds: string[] };
type Load = { requests: number; uncached: number; searches: number; statuses: Record<number, number>; failures: string[]; busyBodies: string[] };
type Edits = { ok: number; conflicts: number; failures: string[] };

let database: TestDatabase;
let server: RunningServer | null = null;
let writer: Worker | null = null;
let site: Site;
let cookie: string;

beforeAll(async () => {
  database = await createSqliteDatabase("contention");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  process.env.NEXTAUTH_SECRET = SECRET;
  const { db } = await import("../../lib/db");
  const { seedTextNewsroom } = await import("./support/h3-text-newsroom");
  await seedTextNewsroom(db);
  site = await describeSite();
  cookie = await editorCookie();
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET };
  [server, writer] = await Promise.all([startAppServer(env, LOG), startWorker("tests/hostile/support/h3-writer.ts", env)]);
});

afterAll(async () => {
  await writer?.stop();
  await server?.stop();
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  if (database) removeDir(database.dir);
});

// Published stories split between the writer (saves and notes; publish and unpublish) and the
// editor, so neither ever meets a 409 from the other; readers read everything.
async function describeSite(): Promise<Site> {
  const { db } = await import("../../lib/db");
  const stories = await db.article.findMany({ where: { status: "PUBLISHED" }, orderBy: { slug: "asc" }, select: { id: true, slug: true, section: { select: { slug: true } } } });
  const published = stories.map((s) => s.id);
  const sections = await db.section.findMany({ select: { slug: true } });
  const tags = await db.tag.findMany({ where: { articles: { some: { article: { status: "PUBLISHED" } } } }, select: { slug: true } });
  const authors = await db.bylineProfile.findMany({ where: { bylines: { some: { article: { status: "PUBLISHED" } } } }, select: { slug: true } });
  return {
    stories: stories.map((s) => `/${s.section!.slug}/${s.slug}`),
    sections: sections.map((s) => s.slug),
    listings: ["/", "/feed.xml", "/sitemap.xml", ...sections.map((s) => `/${s.slug}`), ...tags.map((t) => `/tag/${t.slug}`), ...authors.map((a) => `/author/${a.slug}`)],
    saveIds: published.slice(0, 6),
    toggleIds: published.slice(6, 8),
    editorIds: published.slice(8, 10),
  };
}

async function editorCookie(): Promise<string> {
  const { createStaff } = await import("../fixtures/staff");
  const { sessionTokenFor, SESSION_COOKIE } = await import("../fixtures/accounts");
  const editor = await createStaff("EDITOR", "Contention editor");
  return `${SESSION_COOKIE}=${await sessionTokenFor(editor.id)}`;
}

const pickFrom = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

function nextReaderPath(n: number): string {
  const roll = n % 10;
  if (roll < 4) return pickFrom(site.stories);
  if (roll < 7) return pickFrom(site.listings);
  const query = `${pickFrom(SEARCH_WORDS)}${roll === 9 ? ` ${pickFrom(SEARCH_WORDS)}` : ""}`;
  return `/search?q=${encodeURIComponent(query)}${roll === 8 ? `&section=${pickFrom(site.sections)}` : ""}`;
}

async function readUntil(isDone: () => boolean, load: Load): Promise<void> {
  while (!isDone()) {
    const url = nextReaderPath(load.requests);
    load.requests += 1;
    if (url.startsWith("/search")) load.searches += 1;
    const response = await fetch(`${server!.baseUrl}${url}`, { redirect: "manual" });
    const body = await response.text();
    load.statuses[response.status] = (load.statuses[response.status] ?? 0) + 1;
    if (response.headers.get("x-pressbox-cache") !== "hit") load.uncached += 1;
    if (response.status >= 500) load.failures.push(`${response.status} ${url}`);
    if (BUSY.test(body)) load.busyBodies.push(url);
  }
}

type SaveAnswer = { ok: boolean; status?: number; message?: string };

async function editUntil(isDone: () => boolean, edits: Edits): Promise<void> {
  const { currentInput } = await import("../fixtures/article-input");
  const actionId = serverActionId("app/(newsroom)/newsroom/stories/actions.ts", "saveStoryAction");
  for (let n = 0; !isDone(); n++) {
    const id = site.editorIds[n % site.editorIds.length];
    const { version, article } = await currentInput(id);
    const input = { articleId: id, expectedVersion: version, article: { ...article, kicker: `Editor ${n}` } };
    const answer = await callServerAction<SaveAnswer>(`${server!.baseUrl}/newsroom/stories/${id}`, actionId, [input], cookie);
    if (answer.result?.ok) edits.ok += 1;
    else if (answer.result?.status === 409) edits.conflicts += 1;
    else edits.failures.push(`${answer.httpStatus} ${answer.result?.message ?? answer.text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, EDITOR_PAUSE_MS));
  }
}

function busyLogLines(): string[] {
  return readFileSync(LOG, "utf8")
    .split("\n")
    .filter((line) => BUSY.test(line) || line.includes("unexpected error"));
}

describe("SQLite contention", () => {
  it(`a writer process making ${WRITES} writes during a load run: 0 SQLITE_BUSY errors reach a user`, async () => {
    const load: Load = { requests: 0, uncached: 0, searches: 0, statuses: {}, failures: [], busyBodies: [] };
    const edits: Edits = { ok: 0, conflicts: 0, failures: [] };
    let isDone = false;
    const job: WriterJob = { writes: WRITES, baseUrl: server!.baseUrl, saveIds: site.saveIds, toggleIds: site.toggleIds };
    const writing = writer!.call<WriterReport>({ op: "run", ...job }).finally(() => (isDone = true));
    const traffic = [...Array.from({ length: READERS }, () => readUntil(() => isDone, load)), editUntil(() => isDone, edits)];
    const report = await writing;
    await Promise.all(traffic);
    const logged = busyLogLines();
    console.log(
      `contention: writer made ${report.writes}/${WRITES} writes in ${report.seconds.toFixed(1)} s (${(report.writes / report.seconds).toFixed(0)} writes/s, ${report.cpuSeconds.toFixed(1)} CPU s, ` +
        `${report.errors} errors, ${report.notices} refresh notices, ${report.failedNotices} refused); readers made ${load.requests} requests ` +
        `(${load.uncached} not from the page cache, ${load.searches} searches; statuses ${JSON.stringify(load.statuses)}); the editor saved ${edits.ok} times over HTTP ` +
        `(${edits.conflicts} conflicts, ${edits.failures.length} failures); ${load.failures.length} responses >= 500, ` +
        `${load.busyBodies.length} bodies and ${logged.length} server log lines mentioning a busy database`,
    );
    expect(report.firstErrors).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.writes).toBe(WRITES);
    expect(report.failedNotices).toBe(0);
    expect(load.failures).toEqual([]);
    expect(load.busyBodies).toEqual([]);
    expect(logged).toEqual([]);
    expect(edits.failures).toEqual([]);
    expect(edits.conflicts).toBe(0);
    expect(edits.ok).toBeGreaterThan(0);
  });
});
