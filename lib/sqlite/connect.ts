// What the single PrismaClient (lib/db.ts) needs to use a SQLite file: the better-sqlite3 driver
// adapter wrapped so that transactions take the write lock up front and cannot wedge the client
// (transactions.ts), and the busy timeout both of them share.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { integerSetting } from "../settings";
import { withSafeTransactions } from "./transactions";

// How long a SQLite writer waits for another process's write lock before giving up (the request
// then answers 503 "try again"). Prisma's own wait for a transaction to start is set just above it,
// so the adapter's clearer error is the one that surfaces.
const SQLITE_BUSY_TIMEOUT_MS = integerSetting(process.env.SQLITE_BUSY_TIMEOUT_MS, 15_000);

type SqliteClientOptions = {
  adapter: SqlDriverAdapterFactory;
  transactionOptions: { maxWait: number };
};

export function sqliteClientOptions(filePath: string): SqliteClientOptions {
  const driver = new PrismaBetterSQLite3({ url: filePath, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    adapter: withSafeTransactions(driver, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS }),
    transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS + 2_000 },
  };
}
