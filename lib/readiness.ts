// Readiness (/readyz): can this instance serve writes right now? The database must be able to
// start a transaction: on SQLite that takes the write lock (BEGIN IMMEDIATE), so a file locked
// by another process, a full disk or a wedged client all show here, not only in failed saves.
// With REDIS_URL set, a `redis` check says whether this instance hears the others' invalidations.
// A lost Redis leaves the status "ready" (200): Redis is shared, so every instance loses it at
// once, and a 503 would take the whole site out of rotation while each instance can still serve
// correct pages with short cache times (lib/cluster/peers.ts). The check is there to be alerted on.
// The media store must take files too (lib/media/file/storage-readiness.ts).
import "server-only";
import { db } from "./db";
import { databaseUnavailable } from "./database-unavailable";
import { redisLink } from "./cluster/redis";
import { checkMediaStorage } from "./media/file/storage-readiness";

const CHECK_WAIT_MS = 3_000;

export type Check = { ok: boolean; ms: number; message?: string };
type Readiness = { status: "ready" | "unavailable"; checks: { database: Check; storage: Check; redis?: Check } };

export async function checkReadiness(): Promise<Readiness> {
  const [database, storage, redis] = await Promise.all([checkDatabase(), checkMediaStorage(), redisLink()?.check()]);
  return { status: database.ok && storage.ok ? "ready" : "unavailable", checks: { database, storage, ...(redis && { redis }) } };
}

async function checkDatabase(): Promise<Check> {
  const started = Date.now();
  try {
    await db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: CHECK_WAIT_MS, timeout: CHECK_WAIT_MS });
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    const known = databaseUnavailable(error);
    const message = known?.message ?? `The database could not start a transaction: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`;
    return { ok: false, ms: Date.now() - started, message };
  }
}
