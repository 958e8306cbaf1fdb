// An operator's nightmare, over HTTP: another process (a second server, a cron job, the sqlite3
// shell) holds the database's write lock for longer than the busy timeout. During the hold a save
// answers 503 "try again" and /readyz says the database cannot start a transaction; cached pages
// keep being served. After the release the very next save, sign-in and readiness check succeed:
// before lib/sqlite/transactions.ts, every transaction after such a failure hung until a restart.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { callServerAction, serverActionId } from "./support/h3-server-action";
import { holdWriteLock } from "../support/sqlite-lock-holder";

const SECRET = "pressbox-hostile-sqlite-lock-secret";
const BUSY_TIMEOUT_MS = 1_500;
const LOG = path.join("test-results", "hostile", "sqlite-lock-server.log");

type SaveAnswer = { ok: boolean; status?: number; message?: string; data?: { version: number } };

let database: TestDatabase;
let server: RunningServer | null = null;
let cookie: string;
let story: { id: string; path: string };

beforeAll(async () => {
  database = await createSqliteDatabase("sqlite-lock");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  process.env.NEXTAUTH_SECRET = SECRET;
  const { db } = await import("../../lib/db");
  const { seedTextNewsroom } = await import("./support/h3-text-newsroom");
  await seedTextNewsroom(db);
  const published = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true, slug: true, section: { select: { slug: true } } } });
  story = { id: published.id, path: `/${published.section!.slug}/${published.slug}` };
  const { createStaff } = await import("../fixtures/staff");
  const { sessionTokenFor, SESSION_COOKIE } = await import("../fixtures/accounts");
  const editor = await createStaff("EDITOR", "Lock editor");
  cookie = `${SESSION_COOKIE}=${await sessionTokenFor(editor.id)}`;
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET, SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) };
  server = await startAppServer(env, LOG);
});

afterAll(async () => {
  await server?.stop();
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  if (database) removeDir(database.dir);
});

// Read in this process before the hold: the test's own reads would wait for the lock too.
async function saveInput(kicker: string) {
  const { currentInput } = await import("../fixtures/article-input");
  const { version, article } = await currentInput(story.id);
  return { articleId: story.id, expectedVersion: version, article: { ...article, kicker } };
}

async function save(input: Awaited<ReturnType<typeof saveInput>>) {
  const actionId = serverActionId("app/(newsroom)/newsroom/stories/actions.ts", "saveStoryAction");
  return callServerAction<SaveAnswer>(`${server!.baseUrl}/newsroom/stories/${story.id}`, actionId, [input], cookie);
}

describe("a SQLite file locked by another process", () => {
  it("answers 503 during the hold and serves writes again at once after it", async () => {
    expect((await save(await saveInput("Before the hold"))).result).toMatchObject({ ok: true });
    await fetch(`${server!.baseUrl}${story.path}`); // into the page cache
    const duringInput = await saveInput("During the hold");
    const holder = await holdWriteLock(database.databaseUrl.slice("file:".length));
    try {
      const during = await save(duringInput);
      expect(during.httpStatus).toBe(200); // a server action answers with a result, not a status
      expect(during.result).toMatchObject({ ok: false, status: 503, code: "UNAVAILABLE" });
      expect(during.result?.message).toMatch(/nothing was saved.*try again/i);
      const ready = await fetch(`${server!.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get("cache-control")).toBe("no-store");
      expect(await ready.json()).toMatchObject({ status: "unavailable", checks: { database: { ok: false } } });
      const page = await fetch(`${server!.baseUrl}${story.path}`);
      expect(page.status).toBe(200);
    } finally {
      await holder.release();
    }
    const afterInput = await saveInput("After the hold");
    const started = Date.now();
    const after = await save(afterInput);
    expect(after.result, after.text.slice(0, 300)).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS);
    const ready = await fetch(`${server!.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: { ok: true } } });
    const { db } = await import("../../lib/db");
    const kickers = (await db.revision.findMany({ where: { articleId: story.id }, select: { snapshot: true } })).map((r) => (r.snapshot as { kicker?: string }).kicker);
    expect(kickers).toContain("After the hold");
    expect(kickers).not.toContain("During the hold");
  });
});
