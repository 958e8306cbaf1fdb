// The watched inbox folder (WIRE_INBOX_DIR), started with the server (instrumentation.ts). Every
// WIRE_INBOX_POLL_SECONDS (and soon after fs.watch sees a change) the folder is listed; a file is
// taken once it has kept the same size and time over two looks and is WIRE_INBOX_SETTLE_SECONDS
// old, and never while its name starts with "." or ends in .part/.tmp/… (write under such a name
// and rename when done: the safe way to upload). A taken file is renamed into processing/ first,
// so it is imported once even with two servers sharing the folder, then imported as
// WIRE_IMPORT_AS and filed in done/ or, with `<name>.reason.txt`, in failed/. A file left in
// processing/ by a server that stopped mid-way is taken again once its lease (touched every few
// seconds while it is imported) is older than WIRE_INBOX_LEASE_SECONDS; importing it again is safe
// (the same version of an item changes nothing).
import "server-only";
import { watch, type FSWatcher } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { databaseUnavailable } from "../database-unavailable";
import { isAppError } from "../errors";
import type { Actor } from "../permissions";
import { findWireActor } from "./actor";
import { importWireItem, type WireImportOptions, type WireImportResult } from "./import";
import { claim, file, inboxPath, isPlainName, isWaitingName, originalName, prepareInboxFolders, readClaimed, release, touch } from "./inbox-files";

export type InboxSettings = { dir: string; settleMs: number; leaseMs: number };
export type InboxEvent = { name: string; folder: "done" | "failed" | "inbox"; filedAs?: string; result?: WireImportResult; reason?: string };
type Seen = Map<string, string>;

const seconds = (value: string | undefined, fallback: number, minimum: number) => Math.max(minimum, Number(value) || fallback) * 1000;

export function inboxSettings(env: NodeJS.ProcessEnv = process.env): InboxSettings & { pollMs: number } {
  return {
    dir: env.WIRE_INBOX_DIR ?? "",
    pollMs: seconds(env.WIRE_INBOX_POLL_SECONDS, 5, 1),
    settleMs: seconds(env.WIRE_INBOX_SETTLE_SECONDS, 2, 0),
    leaseMs: seconds(env.WIRE_INBOX_LEASE_SECONDS, 120, 10),
  };
}

// Files in the inbox that may be taken now; `seen` remembers each name's size and time from the last look.
async function readyFiles(settings: InboxSettings, seen: Seen, now: number): Promise<string[]> {
  const ready: string[] = [];
  const current = new Map<string, string>();
  for (const entry of await readdir(settings.dir, { withFileTypes: true })) {
    if (entry.isDirectory() || !isPlainName(entry.name) || isWaitingName(entry.name)) continue;
    const info = await lstat(inboxPath(settings.dir, null, entry.name)).catch(() => null);
    if (!info) continue;
    const mark = `${info.size}:${info.mtimeMs}`;
    current.set(entry.name, mark);
    // Whole milliseconds: a file written within the current millisecond has a fractional time after `now`.
    if (seen.get(entry.name) === mark && now - Math.floor(info.mtimeMs) >= settings.settleMs) ready.push(entry.name);
  }
  seen.clear();
  for (const [name, mark] of current) seen.set(name, mark);
  return ready.sort();
}

async function abandonedClaims(settings: InboxSettings, now: number): Promise<string[]> {
  const names = await readdir(inboxPath(settings.dir, null, "processing"));
  const stale: string[] = [];
  for (const name of names.filter(isPlainName)) {
    const info = await lstat(inboxPath(settings.dir, "processing", name)).catch(() => null);
    if (info && now - info.mtimeMs >= settings.leaseMs) stale.push(name);
  }
  return stale.sort();
}

async function importClaimed(settings: InboxSettings, claimed: string, actor: Actor, options: WireImportOptions): Promise<InboxEvent> {
  const name = originalName(claimed);
  const heartbeat = setInterval(() => void touch(settings.dir, claimed), Math.max(1000, settings.leaseMs / 4));
  try {
    const result = await importWireItem(actor, { source: await readClaimed(settings.dir, claimed) }, options);
    return { name, folder: "done", result, filedAs: await file(settings.dir, claimed, "done") };
  } catch (error) {
    if (databaseUnavailable(error)) {
      await release(settings.dir, claimed);
      return { name, folder: "inbox", reason: "the database is unavailable; the file is back in the inbox and is tried again" };
    }
    if (!isAppError(error)) console.error(`[wire-inbox] unexpected error importing ${JSON.stringify(name)}`, error);
    const reason = isAppError(error) ? error.message : `Unexpected error (${(error as Error)?.message ?? String(error)}); nothing was saved.`;
    return { name, folder: "failed", reason, filedAs: await file(settings.dir, claimed, "failed", reason) };
  } finally {
    clearInterval(heartbeat);
  }
}

// One look at the folder: abandoned claims first, then every file that has settled, one at a time
// (one import at a time leaves the server's other work, readers first, room to run).
export async function pollInbox(settings: InboxSettings, seen: Seen, actor: Actor, options: WireImportOptions = {}, now = Date.now()): Promise<InboxEvent[]> {
  const events: InboxEvent[] = [];
  const work: [null | "processing", string][] = [
    ...(await abandonedClaims(settings, now)).map((name) => ["processing", name] as ["processing", string]),
    ...(await readyFiles(settings, seen, now)).map((name) => [null, name] as [null, string]),
  ];
  for (const [from, name] of work) {
    const claimed = await claim(settings.dir, from, name);
    if (claimed) events.push(await importClaimed(settings, claimed, actor, options));
  }
  return events;
}

function logEvent(event: InboxEvent): void {
  const name = JSON.stringify(event.name);
  if (event.result) console.log(`[wire-inbox] ${event.result.outcome} ${name} -> done/${event.filedAs}: story ${event.result.articleId ?? "(none)"}. ${event.result.message}`);
  else if (event.folder === "failed") console.warn(`[wire-inbox] refused ${name} -> failed/${event.filedAs}: ${event.reason}`);
  else console.warn(`[wire-inbox] ${name}: ${event.reason}`);
}

type Running = { timer: ReturnType<typeof setInterval>; watcher: FSWatcher | null; run?: Promise<void>; stopped: boolean };
// On globalThis, with its stop function: the production server's shutdown (scripts/server-shutdown.ts)
// stops the watcher Next.js's copy of this module started, without loading a second copy.
const inbox = globalThis as typeof globalThis & { pressboxInbox?: Running; pressboxStopWireInbox?: () => Promise<void> };

// Starts the watcher when WIRE_INBOX_DIR is set; refuses (one log line, the server runs on) when the
// folder or the acting user is unusable.
export async function startWireInbox(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const settings = inboxSettings(env);
  if (!settings.dir || inbox.pressboxInbox) return false;
  if (!env.WIRE_IMPORT_AS?.trim()) {
    console.error("[wire-inbox] not started: WIRE_INBOX_DIR is set but WIRE_IMPORT_AS is not; set it to the email of the staff member imports are made as");
    return false;
  }
  const actor = await findWireActor(env.WIRE_IMPORT_AS);
  if (typeof actor === "string") {
    console.error(`[wire-inbox] not started: WIRE_IMPORT_AS: ${actor}`);
    return false;
  }
  try {
    await prepareInboxFolders(settings.dir);
  } catch (error) {
    console.error(`[wire-inbox] not started: ${(error as Error).message}`);
    return false;
  }
  const seen: Seen = new Map();
  const state: Running = { timer: setInterval(() => runOnce(), settings.pollMs), watcher: null, stopped: false };
  function runOnce(): void {
    if (state.run || state.stopped) return;
    state.run = pollInbox(settings, seen, actor as Actor)
      .then((events) => events.forEach(logEvent))
      .catch((error) => console.error("[wire-inbox] poll failed", error))
      .finally(() => (state.run = undefined));
  }
  state.timer.unref?.();
  // A hint only: a change means "look again soon" (after the settle time), the timer does the rest.
  try {
    let soon: ReturnType<typeof setTimeout> | undefined;
    state.watcher = watch(settings.dir, { persistent: false }, () => {
      clearTimeout(soon);
      soon = setTimeout(runOnce, settings.settleMs + 100);
      soon.unref?.();
    });
    state.watcher.on("error", () => undefined);
  } catch {
    state.watcher = null;
  }
  inbox.pressboxInbox = state;
  inbox.pressboxStopWireInbox = stopWireInbox;
  console.log(`[wire-inbox] watching ${settings.dir} every ${settings.pollMs / 1000} s, importing as ${actor.name}`);
  runOnce();
  return true;
}

// Shutdown: no new looks; resolves once the file under way is imported and filed.
export async function stopWireInbox(): Promise<void> {
  const state = inbox.pressboxInbox;
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  state.watcher?.close();
  await state.run;
  inbox.pressboxInbox = undefined;
}
