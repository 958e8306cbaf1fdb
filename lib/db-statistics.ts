// Keeps SQLite's query planner statistics current. Without them (SQLite never gathers them by
// itself) a query that filters published stories by something selective starts from the status
// index and walks every published row: at 100,000 stories a one-story search took seconds. Runs at
// server start and hourly from the scheduler; bounded work (analysis_limit). PostgreSQL's
// autovacuum keeps its own statistics, so there is nothing to do there.
import "server-only";
import { db, isPostgres } from "./db";

const ANALYSIS_LIMIT_ROWS = 1000;

// A database never analysed gets a full (sampled) ANALYZE; after that `PRAGMA optimize` re-analyses
// only the tables that changed a lot since.
export async function refreshPlannerStatistics(): Promise<void> {
  if (isPostgres()) return;
  await db.$queryRawUnsafe(`PRAGMA analysis_limit=${ANALYSIS_LIMIT_ROWS}`);
  const stats = await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'");
  if (stats.length === 0) await db.$executeRawUnsafe("ANALYZE");
  // 0x10002: look at every table, and analyse those much changed since they were last analysed.
  else await db.$queryRawUnsafe("PRAGMA optimize=0x10002");
}
