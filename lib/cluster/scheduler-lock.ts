// One scheduler run at a time across every instance (lib/scheduler.ts, `npm run publish-due`).
// On PostgreSQL a run first takes a session-level advisory lock on a connection of its own: an
// instance that does not get it skips that run. The lock is released after the run, and also by
// the database when the holder's connection drops (a crashed or killed process), so a dead
// instance never blocks the others for longer than its connection takes to go away.
//
// On SQLite there is nothing to take: the database is one file on one machine, and several
// instances need PostgreSQL. Two processes on one SQLite file (the server and a cron job running
// `npm run publish-due`) are kept apart by the version-guarded claims inside the work itself: a
// story is published by the UPDATE that still finds it due (lib/articles/publish/publish-due.ts),
// so the loser of a race matches nothing. Those claims stay the second line of defence on
// PostgreSQL too, for a holder whose connection was cut mid-run while its writes went on.
import pg from "pg";
import { databaseProvider, resolveDatabaseUrl } from "../database-url";
import { log } from "../observability/log";

// "pressbox" in ASCII as a 64-bit number: a key no other application on a shared server is likely
// to choose, and the same in every instance.
export const SCHEDULER_LOCK_KEY = "8102650226124418936";

export type LockedRun<T> = { ran: true; value: T } | { ran: false };

// Runs `work` when this process holds the scheduler lock, else returns { ran: false } at once.
// An error from `work` is thrown after the lock was released.
export async function withSchedulerLock<T>(work: () => Promise<T>, url: string = resolveDatabaseUrl()): Promise<LockedRun<T>> {
  if (databaseProvider(url) !== "postgresql") return { ran: true, value: await work() };
  const client = new pg.Client({ connectionString: url, application_name: "pressbox-scheduler-lock" });
  // A connection that drops mid-run releases the lock on the server's side; the run's own writes
  // go through the main pool and finish (or fail) on their own. Without a listener the error
  // event would end the process.
  client.on("error", (error) => log.warn(`[scheduler] the lock connection failed: ${error.message}`));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [SCHEDULER_LOCK_KEY]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [SCHEDULER_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    // Closing the session releases the lock too, should the unlock above have failed.
    await client.end().catch(() => undefined);
  }
}
