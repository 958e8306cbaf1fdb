// SQLite transactions that can fail without wedging the client.
//
// @prisma/adapter-better-sqlite3 6.19.3 runs one transaction at a time behind a mutex that its
// transaction object releases in commit()/rollback(). Two paths never release it:
//   - `BEGIN` throws (another process holds the write lock past the busy timeout, or the disk is
//     full): startTransaction has taken the mutex and returns nothing that could release it;
//   - the engine's `COMMIT` or `ROLLBACK` statement throws (SQLite already rolled back after
//     SQLITE_FULL, so ROLLBACK says "no transaction is active"): Prisma then never calls
//     commit()/rollback().
// Either way every later transaction of the process waits forever (the newsroom froze until a
// restart). This adapter keeps the driver's queries and error mapping but owns the transaction
// lifecycle: its own lock, released on every path; BEGIN IMMEDIATE so the write lock is taken up
// front; and waiting for another process's lock by polling asynchronously instead of inside
// better-sqlite3's busy handler, which would block the whole server's event loop while it waits.
import "server-only";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DriverAdapterError, type IsolationLevel, type SqlDriverAdapter, type SqlDriverAdapterFactory, type SqlQuery, type SqlResultSet, type Transaction } from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";
import { replaceSqliteClientOf, sqliteClientOf } from "./pinned-adapter";
import { withStatementCache } from "./statement-cache";
import { TransactionLock } from "./transaction-lock";

const BEGIN: SqlQuery = { sql: "BEGIN IMMEDIATE", args: [], argTypes: [] };
const ROLLBACK: SqlQuery = { sql: "ROLLBACK", args: [], argTypes: [] };
const FIRST_PAUSE_MS = 5;
// Short, so a waiting transaction is not starved by a busy writer in another process.
const LONGEST_PAUSE_MS = 20;

type SqliteTransactionOptions = {
  // How long a transaction waits for another process's write lock before failing.
  busyTimeoutMs: number;
};

export function withSafeTransactions(factory: PrismaBetterSQLite3, options: SqliteTransactionOptions): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const driver = await factory.connect();
      const client = sqliteClientOf(driver);
      replaceSqliteClientOf(driver, withStatementCache(client));
      return new SafeSqliteAdapter(driver, client, options);
    },
  };
}

class SafeSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #lock = new TransactionLock();

  constructor(
    private readonly driver: SqlDriverAdapter,
    private readonly client: Database,
    private readonly options: SqliteTransactionOptions,
  ) {
    this.adapterName = driver.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.driver.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.driver.executeRaw(query);
  }

  executeScript(script: string): Promise<void> {
    return this.driver.executeScript(script);
  }

  dispose(): Promise<void> {
    return this.driver.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.#lock.acquire();
    try {
      await this.beginImmediate();
    } catch (error) {
      release();
      throw error;
    }
    return new SafeSqliteTransaction(this.driver, this.client, release);
  }

  // Tries BEGIN IMMEDIATE without the busy handler and, while another connection holds the write
  // lock, tries again after a growing pause, until busyTimeoutMs has passed.
  private async beginImmediate(): Promise<void> {
    const deadline = Date.now() + this.options.busyTimeoutMs;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      if (this.tryBegin()) return;
      if (Date.now() >= deadline)
        throw new DriverAdapterError({ kind: "SocketTimeout", originalCode: "SQLITE_BUSY", originalMessage: "database is locked" } as ConstructorParameters<typeof DriverAdapterError>[0]);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
    }
  }

  // Synchronous from start to end: the connection's busy timeout is off only for this one
  // statement, never while another request's query could run on the same connection.
  private tryBegin(): boolean {
    const busyTimeout = Number(this.client.pragma("busy_timeout", { simple: true }));
    this.client.pragma("busy_timeout = 0");
    try {
      this.client.prepare(BEGIN.sql).run();
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === "SQLITE_BUSY") return false;
      throw error;
    } finally {
      this.client.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }
}

class SafeSqliteTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options = { usePhantomQuery: false };
  #release: (() => void) | null;

  constructor(
    private readonly driver: SqlDriverAdapter,
    private readonly client: Database,
    release: () => void,
  ) {
    this.adapterName = driver.adapterName;
    this.#release = release;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.driver.queryRaw(query);
  }

  // Prisma ends a transaction by sending COMMIT or ROLLBACK here, then calling commit()/rollback()
  // only if that statement succeeded; so the lock is also released here when it fails.
  async executeRaw(query: SqlQuery): Promise<number> {
    if (query.sql === "COMMIT") return this.commitStatement(query);
    if (query.sql === "ROLLBACK") return this.rollbackStatement();
    return this.driver.executeRaw(query);
  }

  commit(): Promise<void> {
    this.release();
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.release();
    return Promise.resolve();
  }

  private async commitStatement(query: SqlQuery): Promise<number> {
    try {
      return await this.driver.executeRaw(query);
    } catch (error) {
      await this.rollbackStatement();
      throw error;
    }
  }

  // SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR);
  // a ROLLBACK then would fail with "no transaction is active".
  private async rollbackStatement(): Promise<number> {
    try {
      return this.client.inTransaction ? await this.driver.executeRaw(ROLLBACK) : 0;
    } finally {
      this.release();
    }
  }

  private release(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
}
