// Shutdown loses no acknowledged work. 50 editors keep saving their own stories through the story
// server action over HTTP (keep-alive connections, as browsers hold them); mid-run the production
// server gets SIGTERM. Each save carries its own marker (the kicker), so afterwards every story in
// the database must hold exactly the last save its editor saw acknowledged: nothing acknowledged is
// missing, nothing in the database went unanswered. And `npm start` stopped with SIGTERM (as a
// process manager stops it: the signal to npm alone) leaves no process of its tree behind, the
// wire inbox process it starts included (which imports a dropped file as a draft at nice 19, and
// is started again after it is killed).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { findFreePort, isProcessAlive, signalGroup, spawnGroup } from "../../scripts/process-group";
import { callServerAction, serverActionId } from "./support/h3-server-action";
import { MODEL_STORY_SLUG } from "../fixtures/model-story";

const EDITORS = 50;
const SIGTERM_AFTER_ACKS = 150;
const SHUTDOWN_TIMEOUT_SECONDS = 20;
const SECRET = "pressbox-hostile-shutdown-secret";
const LOG = path.join("test-results", "hostile", "shutdown-server.log");
const NPM_LOG = path.join("test-results", "hostile", "shutdown-npm-start.log");

type SaveAnswer = { ok: boolean; status?: number; message?: string; data?: { version: number } };
type Editor = { storyId: string; acknowledged: string | null; unanswered: string | null; refusals: string[] };

let database: TestDatabase;
let server: RunningServer | null = null;
let cookie: string;
let storyIds: string[];

beforeAll(async () => {
  database = await createSqliteDatabase("shutdown");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  process.env.NEXTAUTH_SECRET = SECRET;
  const { createStaff } = await import("../fixtures/staff");
  const { sessionTokenFor, SESSION_COOKIE } = await import("../fixtures/accounts");
  const editor = await createStaff("EDITOR", "Shutdown editor");
  cookie = `${SESSION_COOKIE}=${await sessionTokenFor(editor.id)}`;
  storyIds = await createDrafts(editor.id);
});

afterAll(async () => {
  await server?.stop();
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  if (database) removeDir(database.dir);
});

async function createDrafts(editorId: string): Promise<string[]> {
  const { db } = await import("../../lib/db");
  const { newRecordId } = await import("../fixtures/article-input");
  const section = await db.section.create({ data: { name: "Shutdown", slug: "shutdown" } });
  const ids = Array.from({ length: EDITORS }, () => newRecordId());
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Shutdown body." }] }] };
  await db.article.createMany({
    data: ids.map((id, i) => ({
      id,
      slug: `shutdown-${i}`,
      headline: `Shutdown story ${i}`,
      kicker: "unsaved",
      sectionId: section.id,
      body,
      bodyText: "Shutdown body.",
      createdById: editorId,
      lastEditedById: editorId,
    })),
  });
  return ids;
}

// One editor: saves with a fresh marker each time until the server stops answering.
async function saveUntilRefused(editor: Editor, n: number, onAck: () => void): Promise<void> {
  const { currentInput } = await import("../fixtures/article-input");
  const actionId = serverActionId("app/(newsroom)/newsroom/stories/actions.ts", "saveStoryAction");
  let { version, article } = await currentInput(editor.storyId);
  for (let round = 0; ; round++) {
    const marker = `editor-${n}-save-${round}`;
    editor.unanswered = marker;
    try {
      const input = { articleId: editor.storyId, expectedVersion: version, article: { ...article, kicker: marker } };
      const answer = await callServerAction<SaveAnswer>(`${server!.baseUrl}/newsroom/stories/${editor.storyId}`, actionId, [input], cookie);
      if (!answer.result?.ok || !answer.result.data) {
        editor.refusals.push(`${answer.httpStatus} ${answer.result?.message ?? answer.text.slice(0, 120)}`);
        return;
      }
      editor.acknowledged = marker;
      editor.unanswered = null;
      version = answer.result.data.version;
      onAck();
    } catch {
      return;
    }
  }
}

async function waitForExit(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isProcessAlive);
  while (alive.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = pids.filter(isProcessAlive);
  }
  return alive;
}

// Every descendant of pid, from /proc (Linux).
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree: number[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      tree.push(child);
      visit(child);
    }
  };
  visit(pid);
  return tree;
}

const commandOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
// The nice value from /proc/<pid>/stat (the 19th field, the 17th after the command's closing paren).
const niceOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[16]);

async function waitFor<T>(what: string, check: () => T | null | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the npm start log:\n${readFileSync(NPM_LOG, "utf8").replace(/^\s+at .*$/gm, "")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// A wire document dropped the documented way: written under a .part name, then renamed.
function dropWireItem(inbox: string, name: string): void {
  const document = { uri: `urn:shutdown-test:${name}`, version: "1", headlines: [{ value: `Wire story ${name}` }], bodies: [{ contenttype: "text/plain", value: "First paragraph." }] };
  writeFileSync(path.join(inbox, `${name}.json.part`), JSON.stringify(document));
  renameSync(path.join(inbox, `${name}.json.part`), path.join(inbox, `${name}.json`));
}

describe("shutdown", () => {
  it(`SIGTERM during ${EDITORS} concurrent saves: every acknowledged save is in the database, every save in the database was acknowledged`, async () => {
    const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET, SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS) };
    server = await startAppServer(env, LOG);
    const editors: Editor[] = storyIds.map((storyId) => ({ storyId, acknowledged: null, unanswered: null, refusals: [] }));
    let acks = 0;
    let onEnough: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (onEnough = resolve));
    const saving = Promise.all(editors.map((editor, n) => saveUntilRefused(editor, n, () => ++acks >= SIGTERM_AFTER_ACKS && onEnough())));
    await enough;
    const inFlight = editors.filter((e) => e.unanswered).length;
    process.kill(server.pid, "SIGTERM");
    const signalled = Date.now();
    const left = await waitForExit([server.pid], (SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000);
    const exitSeconds = (Date.now() - signalled) / 1000;
    await saving;

    const { db } = await import("../../lib/db");
    const stored = new Map((await db.article.findMany({ where: { id: { in: storyIds } }, select: { id: true, kicker: true } })).map((a) => [a.id, a.kicker]));
    const lost = editors.filter((e) => e.acknowledged && stored.get(e.storyId) !== e.acknowledged).map((e) => `${e.acknowledged} acknowledged, database has ${stored.get(e.storyId)}`);
    const unanswered = editors.filter((e) => e.unanswered && stored.get(e.storyId) === e.unanswered).map((e) => `${e.unanswered} in the database, never acknowledged`);
    const acknowledgedTotal = acks;
    console.log(
      `shutdown: SIGTERM with ${inFlight} saves in flight after ${acknowledgedTotal >= SIGTERM_AFTER_ACKS ? SIGTERM_AFTER_ACKS : acknowledgedTotal} acknowledged; ` +
        `${acks} saves acknowledged in all, server gone after ${exitSeconds.toFixed(1)} s; ${lost.length} acknowledged but missing, ${unanswered.length} in the database but unacknowledged; ` +
        `refusals: ${JSON.stringify([...new Set(editors.flatMap((e) => e.refusals))])}`,
    );
    expect(left).toEqual([]);
    expect(lost).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(readFileSync(LOG, "utf8")).toMatch(/Pressbox: stopped/);
  });

  // Also the proof that the quick start works: `npm start` seeds the demo newsroom and creates the
  // demo accounts in the same process before it starts the server (loading next/headers then once
  // made the server die on its first request), and then serves pages.
  it("`npm start` with demo content serves pages and imports a dropped wire file in its inbox process; SIGTERM to it leaves no process of its tree behind", async () => {
    const home = path.join(database.dir, "npm-start");
    const inbox = path.join(home, "inbox");
    mkdirSync(path.join(home, "media"), { recursive: true });
    mkdirSync(inbox);
    mkdirSync(path.dirname(NPM_LOG), { recursive: true });
    const log = openSync(NPM_LOG, "w");
    const port = await findFreePort();
    const npm = spawnGroup("npm", ["start"], {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        DATABASE_URL: `file:${path.join(home, "pressbox.db")}`,
        MEDIA_DIR: path.join(home, "media"),
        NEXTAUTH_SECRET: SECRET,
        PORT: String(port),
        BIND_ADDRESS: "127.0.0.1",
        PRESSBOX_DEMO_CONTENT: "true",
        PRESSBOX_ADMIN_EMAIL: "",
        PRESSBOX_ADMIN_PASSWORD: "",
        WIRE_INBOX_DIR: inbox,
        WIRE_IMPORT_AS: "editor@pressbox.test",
        WIRE_INBOX_POLL_SECONDS: "1",
        WIRE_INBOX_SETTLE_SECONDS: "0",
      },
    });
    closeSync(log);
    try {
      const deadline = Date.now() + 120_000;
      let isUp = false;
      while (!isUp && Date.now() < deadline && npm.exitCode === null) {
        isUp = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" }).then(
          () => true,
          () => false,
        );
        if (!isUp) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      // The log without its stack frames: vitest would try to read source maps for them (tsx's own
      // bundle has one it cannot parse) and report that instead of this failure.
      expect(isUp, `npm start did not answer; its log:\n${readFileSync(NPM_LOG, "utf8").replace(/^\s+at .*$/gm, "")}`).toBe(true);
      const page = (pathname: string) =>
        fetch(`http://127.0.0.1:${port}${pathname}`, { redirect: "manual" }).then(
          (r) => r.status,
          (error: Error) => error.message,
        );
      expect(await page("/")).toBe(200);
      expect(await page(`/olympics/${MODEL_STORY_SLUG}`)).toBe(200);
      expect(await page("/newsroom/stories")).toBe(307);
      expect(readFileSync(NPM_LOG, "utf8")).toMatch(/editor@pressbox\.test/);

      // The inbox process: beside the server, at nice 19, a dropped file becomes a draft.
      const inboxProcess = () => processTree(npm.pid!).find((pid) => commandOf(pid).includes("scripts/wire-inbox.ts"));
      const first = await waitFor("the wire inbox process", inboxProcess);
      expect(niceOf(first)).toBe(19);
      dropWireItem(inbox, "first");
      await waitFor("first.json filed in done/", () => existsSync(path.join(inbox, "done", "first.json")));
      const pressbox = new Database(path.join(home, "pressbox.db"), { readonly: true });
      const statusOf = (headline: string) => pressbox.prepare('SELECT status FROM "Article" WHERE headline = ?').get(headline);
      expect(statusOf("Wire story first")).toEqual({ status: "DRAFT" });
      // Killed, it is started again (and says so), and imports the next file.
      process.kill(first, "SIGKILL");
      const second = await waitFor("a new wire inbox process", () => {
        const pid = inboxProcess();
        return pid !== first ? pid : undefined;
      });
      expect(readFileSync(NPM_LOG, "utf8")).toMatch(/\[wire-inbox\] the inbox process exited \(SIGKILL\); starting it again in 1 s/);
      expect(niceOf(second)).toBe(19);
      dropWireItem(inbox, "second");
      await waitFor("second.json filed in done/", () => existsSync(path.join(inbox, "done", "second.json")));
      expect(statusOf("Wire story second")).toEqual({ status: "DRAFT" });
      pressbox.close();

      const tree = [npm.pid!, ...processTree(npm.pid!)];
      expect(tree).toContain(second);
      process.kill(npm.pid!, "SIGTERM");
      const left = await waitForExit(tree, (SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000);
      const stillAnswering = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" }).then(
        () => true,
        () => false,
      );
      console.log(`shutdown: npm start ran as ${tree.length} processes; after SIGTERM to npm, ${left.length} left (${left.map(commandOf).join("; ")}); still answering: ${stillAnswering}`);
      expect(left).toEqual([]);
      expect(stillAnswering).toBe(false);
    } finally {
      signalGroup(npm, "SIGKILL");
    }
  });
});
