// The single PrismaClient. DATABASE_URL chooses the driver adapter: SQLite (better-sqlite3,
// lib/sqlite/) by default, PostgreSQL (pg) for postgres:// URLs. Both generated clients share one
// model shape, so the rest of the code is written once against the SQLite client's types.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "./database-url";
import { countQueriesOf, queryLogOption } from "./query-count";
import { sqliteClientOptions } from "./sqlite/connect";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(url: string = resolveDatabaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return countQueriesOf(new PostgresClient({ adapter, ...queryLogOption }) as Db);
  }
  return countQueriesOf(new SqliteClient({ ...sqliteClientOptions(sqliteFilePath(url)), ...queryLogOption }));
}

const globalForDb = globalThis as typeof globalThis & { pressboxDb?: Db };

// One client per process; kept on globalThis so dev-server reloads do not open new pools.
export const db: Db = globalForDb.pressboxDb ?? createDb();
globalForDb.pressboxDb = db;

export function isPostgres(url: string = resolveDatabaseUrl()): boolean {
  return databaseProvider(url) === "postgresql";
}
