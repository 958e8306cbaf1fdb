// How much work is waiting, for the metrics: stories scheduled (and of those, due now: a due
// count that stays above zero means no scheduler run is getting through), newsletter deliveries
// queued or under way, files waiting in the watched wire inbox (WIRE_INBOX_DIR, one readdir), live
// event streams open in this process.
// Loaded by the server script only when /metrics is asked for, and it never opens a database
// client of its own: it counts through the one the Next.js bundle made (lib/db.ts keeps it on
// globalThis), whose errors and types the rest of the app knows.
import { readdir } from "node:fs/promises";
import { isDue } from "../articles/publish/due";
import type { Db } from "../db";
import { openLiveStreamCount } from "../live/open-streams";
import { isPlainName, isWaitingName } from "../wire/inbox-files";

// A scrape must answer even when the database does not: its counts are then left out.
const QUERY_WAIT_MS = 2_000;

export type QueueDepths = { storiesScheduled: number | null; storiesDue: number | null; wireInboxFiles: number | null; liveStreamsOpen: number; newsletterDeliveries: number | null };

async function databaseCounts(now: Date): Promise<[number, number, number] | null> {
  const db = (globalThis as typeof globalThis & { pressboxDb?: Db }).pressboxDb;
  if (!db) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), QUERY_WAIT_MS)));
  const counts = Promise.all([db.article.count({ where: { status: "SCHEDULED" } }), db.article.count({ where: isDue(now) }), db.delivery.count({ where: { status: { in: ["QUEUED", "SENDING"] } } })]).catch(
    () => null,
  );
  const result = await Promise.race([counts, timeout]);
  clearTimeout(timer);
  return result;
}

// The files the inbox process would take (not partial uploads, not its own folders).
async function wireInboxFiles(dir: string | undefined): Promise<number | null> {
  if (!dir?.trim()) return null;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  return entries ? entries.filter((entry) => entry.isFile() && isPlainName(entry.name) && !isWaitingName(entry.name)).length : null;
}

export async function queueDepths(now: Date = new Date()): Promise<QueueDepths> {
  const [stories, wire] = await Promise.all([databaseCounts(now), wireInboxFiles(process.env.WIRE_INBOX_DIR)]);
  return { storiesScheduled: stories?.[0] ?? null, storiesDue: stories?.[1] ?? null, wireInboxFiles: wire, liveStreamsOpen: openLiveStreamCount(), newsletterDeliveries: stories?.[2] ?? null };
}
