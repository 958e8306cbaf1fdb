// `npm run wire:inbox`: the watched wire inbox folder (lib/wire/inbox.ts) in a process of its own,
// so imports (synchronous SQLite writes, sharp resizing pictures) never compete with page serving
// in the server's event loop. The production server starts it beside itself when WIRE_INBOX_DIR is
// set (scripts/wire-inbox-process.ts), and so does `npm run dev`; run it yourself beside any other server.
// SIGTERM/SIGINT: no next file; the file in hand is imported and filed, then the process exits (a
// file cut off by a harder stop stays in processing/ and is taken again once its lease runs out).
// Exits 78 when the configuration is unusable (no WIRE_IMPORT_AS, no folder), so it is not restarted.
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";
import { ensureAuthSecret } from "../lib/auth/secret-file";
import { resolveDatabaseUrl } from "../lib/database-url";
import { EXIT_CONFIGURATION } from "./wire-inbox-process";

// Linux sets a priority per thread: the server lowers this process's main thread
// (WIRE_INBOX_NICE); threads started before that keep the old one, so each is lowered here too.
function lowerEveryThread(): void {
  const nice = Number(process.env.WIRE_INBOX_NICE);
  if (!Number.isInteger(nice) || nice <= 0 || process.platform !== "linux") return;
  for (const task of readdirSync("/proc/self/task")) {
    try {
      setPriority(Number(task), nice);
    } catch {
      // A thread that ended meanwhile.
    }
  }
}

async function main(): Promise<void> {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  // The server's own secret, so it accepts this process's signed refresh notices.
  ensureAuthSecret(process.env, "data");
  lowerEveryThread();
  // One picture at a time on one thread: the machine's other cores stay with the readers.
  (await import("sharp")).default.concurrency(1);
  const { startWireInbox, stopWireInbox } = await import("../lib/wire/inbox");
  const { notifyServer } = await import("../lib/internal-refresh-client");
  const { db } = await import("../lib/db");
  const started = await startWireInbox(process.env, { onPublicChange: (ids) => notifyServer(ids, (line) => console.log(`[wire-inbox] ${line}`)) });
  if (!started) process.exit(EXIT_CONFIGURATION);
  lowerEveryThread();
  // The watcher's timer does not hold the process open by itself; this does, until a stop.
  const alive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[wire-inbox] ${why}: finishing the file in hand, then stopping`);
    void stopWireInbox()
      .then(() => db.$disconnect())
      .finally(() => {
        clearInterval(alive);
        console.log("[wire-inbox] stopped");
        process.exit(0);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // Started by the server with an IPC channel: the server gone (even killed) means stop too.
  process.once("disconnect", () => stop("the server is gone"));
}

main().catch((error) => {
  console.error(`[wire-inbox] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
