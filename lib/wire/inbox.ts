// The watched inbox folder (WIRE_INBOX_DIR), run by its own process (scripts/wire-inbox.ts, which the
// production server starts beside itself) so imports never hold up page serving. Every
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
// onEvent hears each file as soon as it is filed; isStopping is asked before each next file;
// pauseMs is a rest between files (WIRE_INBOX_PAUSE_MS), leaving the CPU to other work.
export type PollOptions = WireImportOptions & { onEvent?: (event: InboxEvent) => Promise<void>; isStopping?: () => boolean; pauseMs?: number };

const seconds = (value: string | undefined, fallback: number, minimum: number) => Math.max(minimum, Number(value) || fallback) * 1000;

export function inboxSettings(env: NodeJS.ProcessEnv = process.env): InboxSettings & { pollMs: number; pauseMs: number } {
  return {
    dir: env.WIRE_INBOX_DIR ?? "",
    pollMs: seconds(env.WIRE_INBOX_POLL_SECONDS, 5, 1),
    pauseMs: Math.min(60_000, Math.max(0, Number(env.WIRE_INBOX_PAUSE_MS) || 0)),
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

// The stories an imported file changed on public pages: a published story the agency's "canceled"
// rule took down. Other outcomes touch drafts, held items and pending updates only.
export function publicChanges(event: InboxEvent): string[] {
  return event.result?.effect === "unpublished" && event.result.articleId ? [event.result.articleId] : [];
}

// One look at the folder: abandoned claims first, then every file that has settled, one at a time,
// until all are done or the process is stopping (a file not yet claimed stays in the inbox).
export async function pollInbox(settings: InboxSettings, seen: Seen, actor: Actor, options: PollOptions = {}, now = Date.now()): Promise<InboxEvent[]> {
  const { onEvent, isStopping, pauseMs = 0, ...importOptions } = options;
  const events: InboxEvent[] = [];
  const work: [null | "processing", string][] = [
    ...(await abandonedClaims(settings, now)).map((name) => ["processing", name] as ["processing", string]),
    ...(await readyFiles(settings, seen, now)).map((name) => [null, name] as [null, string]),
  ];
  for (const [from, name] of work) {
    if (isStopping?.()) break;
    const claimed = await claim(settings.dir, from, name);
    if (!claimed) continue;
    const event = await importClaimed(settings, claimed, actor, importOptions);
    events.push(event);
    await onEvent?.(event);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
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
export type InboxHooks = { onPublicChange?: (articleIds: string[]) => Promise<unknown> };
const inbox = globalThis as typeof globalThis & { pressboxInbox?: Running };

// Files an event: logs it, and tells the server at once about stories it changed publicly.
async function reportEvent(event: InboxEvent, hooks: InboxHooks): Promise<void> {
  logEvent(event);
  const changed = publicChanges(event);
  if (changed.length) await hooks.onPublicChange?.(changed).catch((error) => console.error("[wire-inbox] could not refresh the server's pages", error));
}

// Starts the watcher when WIRE_INBOX_DIR is set; refuses (one log line, false) when the folder or
// the acting user is unusable.
export async function startWireInbox(env: NodeJS.ProcessEnv = process.env, hooks: InboxHooks = {}): Promise<boolean> {
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
    const options: PollOptions = { onEvent: (event) => reportEvent(event, hooks), isStopping: () => state.stopped, pauseMs: settings.pauseMs };
    state.run = pollInbox(settings, seen, actor as Actor, options)
      .then(() => undefined)
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
  console.log(`[wire-inbox] watching ${settings.dir} every ${settings.pollMs / 1000} s, importing as ${actor.name}`);
  runOnce();
  return true;
}

// Shutdown: no new looks and no next file; resolves once the file under way is imported and filed.
export async function stopWireInbox(): Promise<void> {
  const state = inbox.pressboxInbox;
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  state.watcher?.close();
  await state.run;
  inbox.pressboxInbox = undefined;
}
