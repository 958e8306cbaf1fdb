// Prepared statements kept for reuse on SQLite. The pinned adapter prepares every query anew
// (`client.prepare(sql).bind(args)` on each call): in a CPU profile of the uncached article page
// (2,000 stories, 2026-12-07) preparing took 1.7 ms of each render. A better-sqlite3 statement can
// be run again with new parameters, but its bind() fixes them for good, so the adapter is handed a
// client whose prepare() returns a cached statement behind a facade that passes the parameters on
// each run instead. Statements run to completion synchronously (all/run), so one is never in use
// by two queries at once.
import "server-only";
import type { Database, RunResult, Statement } from "better-sqlite3";

// Distinct SQL texts kept (Prisma writes one text per query shape; IN lists of other lengths are
// other texts). The least recently used one is finalised by the garbage collector when dropped.
export const STATEMENT_CACHE_SIZE = 256;

type ColumnDefinition = ReturnType<Statement["columns"]>[number];

// What the pinned adapter uses of a statement (lib/sqlite/pinned-adapter.ts names the version).
export type StatementFacade = {
  readonly reader: boolean;
  bind: (args: unknown[]) => StatementFacade;
  columns: () => ColumnDefinition[];
  raw: () => { all: () => unknown[][] };
  run: () => RunResult;
};

function facade(statement: Statement, args: unknown[]): StatementFacade {
  return {
    reader: statement.reader,
    bind: (next) => facade(statement, next),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) as unknown[][] }),
    run: () => statement.run(args),
  };
}

export function withStatementCache(client: Database, size = STATEMENT_CACHE_SIZE): Database {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): StatementFacade => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = client.prepare(sql);
      if (statements.size >= size) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return facade(statement, []);
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
