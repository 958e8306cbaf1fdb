// The single PrismaClient. DATABASE_URL chooses the driver adapter: SQLite (better-sqlite3) by
// default, PostgreSQL (pg) for postgres:// URLs. Both generated clients share one model shape,
// so the rest of the code is written once against the SQLite client's types.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Database } from "better-sqlite3";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "./database-url";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// How long a SQLite writer waits for another process's lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

// PRESSBOX_COUNT_QUERIES=1 (the benchmark) counts every query the process sends, on globalThis
// so the production server's stats hook can read it whichever bundle made the client.
const countQueries = process.env.PRESSBOX_COUNT_QUERIES === "1";
const queryLog: { log?: { emit: "event"; level: "query" }[] } = countQueries ? { log: [{ emit: "event", level: "query" }] } : {};
const counter = globalThis as unknown as { pressboxQueryCount?: number };

export function queryCount(): number {
  return counter.pressboxQueryCount ?? 0;
}

function counted(client: Db): Db {
  if (countQueries) (client as unknown as { $on: (event: "query", fn: () => void) => void }).$on("query", () => {
    counter.pressboxQueryCount = (counter.pressboxQueryCount ?? 0) + 1;
  });
  return client;
}

export function createDb(url: string = resolveDatabaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return counted(new PostgresClient({ adapter, ...queryLog }) as unknown as Db);
  }
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  return counted(new SqliteClient({ adapter: beginImmediately(adapter), ...queryLog }) as unknown as Db);
}

// The adapter opens transactions with a plain (deferred) BEGIN. When another process (publish-due,
// a second server) holds the write lock, a deferred transaction that has already read cannot wait
// for it: its first write fails at once with "database is locked", whatever the busy timeout.
// BEGIN IMMEDIATE takes the write lock first, where the busy timeout applies. (In one process the
// adapter already runs transactions one at a time.)
function beginImmediately(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client?: Database }).client;
    if (typeof client?.prepare !== "function") throw new Error("lib/db.ts: the SQLite adapter changed; check beginImmediately()");
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as Database["prepare"];
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { pressboxDb?: Db };

// One client per process; kept on globalThis so dev-server reloads do not open new pools.
export const db: Db = globalForDb.pressboxDb ?? createDb();
globalForDb.pressboxDb = db;

export function isPostgres(url: string = resolveDatabaseUrl()): boolean {
  return databaseProvider(url) === "postgresql";
}
