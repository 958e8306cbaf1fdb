// A database snapshot cheap enough to take around every hostile call: every row of every table
// (SELECT * over sqlite_master's tables), hashed per table, so two snapshots compare table by table.
import { createHash } from "node:crypto";
import type { Database } from "better-sqlite3";

export function digest(rows: string[]): string {
  return createHash("sha256")
    .update([...rows].sort().join("\n"))
    .digest("hex");
}

export function tableDigests(sqlite: Database, excluded: readonly string[] = []): Map<string, string> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return new Map(
    tables
      .filter((name) => !excluded.includes(name))
      .map((table) => [
        table,
        digest(
          sqlite
            .prepare(`SELECT * FROM "${table}"`)
            .all()
            .map((row) => JSON.stringify(row)),
        ),
      ]),
  );
}

// Moves whenever another connection commits: while it stands still, no table can have changed.
export function dataVersion(sqlite: Database): number {
  return sqlite.pragma("data_version", { simple: true }) as number;
}
