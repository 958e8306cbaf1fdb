// The single PrismaClient. DATABASE_URL chooses the driver adapter: SQLite (better-sqlite3) by
// default, PostgreSQL (pg) for postgres:// URLs. Both generated clients share one model shape,
// so the rest of the code is written once against the SQLite client's types.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "./database-url";
import { withSafeTransactions } from "./sqlite/transactions";
import { integerSetting } from "./settings";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// How long a SQLite writer waits for another process's write lock before giving up (the request
// then answers 503 "try again"). Prisma's own wait for a transaction to start is set just above it,
// so the adapter's clearer error is the one that surfaces.
const SQLITE_BUSY_TIMEOUT_MS = integerSetting(process.env.SQLITE_BUSY_TIMEOUT_MS, 15_000);

// PRESSBOX_COUNT_QUERIES=1 (the benchmark) counts every query the process sends, on globalThis
// so the production server's stats hook can read it whichever bundle made the client.
const countQueries = process.env.PRESSBOX_COUNT_QUERIES === "1";
const queryLog: { log?: { emit: "event"; level: "query" }[] } = countQueries ? { log: [{ emit: "event", level: "query" }] } : {};
const counter = globalThis as typeof globalThis & { pressboxQueryCount?: number };

export function queryCount(): number {
  return counter.pressboxQueryCount ?? 0;
}

function counted(client: Db): Db {
  if (countQueries) (client as { $on: (event: "query", fn: () => void) => void }).$on("query", () => {
    counter.pressboxQueryCount = (counter.pressboxQueryCount ?? 0) + 1;
  });
  return client;
}

export function createDb(url: string = resolveDatabaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return counted(new PostgresClient({ adapter, ...queryLog }) as Db);
  }
  const driver = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  const adapter = withSafeTransactions(driver, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS });
  const transactionOptions = { maxWait: SQLITE_BUSY_TIMEOUT_MS + 2_000 };
  return counted(new SqliteClient({ adapter, transactionOptions, ...queryLog }));
}

const globalForDb = globalThis as typeof globalThis & { pressboxDb?: Db };

// One client per process; kept on globalThis so dev-server reloads do not open new pools.
export const db: Db = globalForDb.pressboxDb ?? createDb();
globalForDb.pressboxDb = db;

export function isPostgres(url: string = resolveDatabaseUrl()): boolean {
  return databaseProvider(url) === "postgresql";
}
