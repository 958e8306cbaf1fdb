// The one reach into @prisma/adapter-better-sqlite3's internals. lib/sqlite/transactions.ts needs
// the adapter's better-sqlite3 handle (to ask whether a transaction is open and to try BEGIN
// without the busy handler), which the adapter keeps in a field it does not document. The field was
// read from version 6.19.3, pinned exactly in package.json; pinned-adapter.test.ts fails when the
// installed adapter is another version or no longer has the field, and connecting fails with this
// module's error rather than with a transaction that hangs.
import "server-only";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";

export const PINNED_ADAPTER = "@prisma/adapter-better-sqlite3";
export const PINNED_ADAPTER_VERSION = "6.19.3";

export function sqliteClientOf(driver: SqlDriverAdapter): Database {
  const client = (driver as { client?: Database }).client;
  if (typeof client?.prepare !== "function" || typeof client.pragma !== "function" || typeof client.inTransaction !== "boolean") {
    throw new Error(
      `lib/sqlite/pinned-adapter.ts was written for ${PINNED_ADAPTER} ${PINNED_ADAPTER_VERSION}, whose adapter keeps its better-sqlite3 ` +
        "database in `client`; the installed adapter does not. Pin that version again, or update sqliteClientOf() and " +
        "lib/sqlite/transactions.ts for the new one.",
    );
  }
  return client;
}

// Hands the adapter another handle to the same database (lib/sqlite/statement-cache.ts), in the
// field sqliteClientOf reads.
export function replaceSqliteClientOf(driver: SqlDriverAdapter, client: Database): void {
  sqliteClientOf(driver);
  (driver as { client?: Database }).client = client;
}
