// The suite's throwaway SQLite databases (tests/setup/temp-database.ts) are copies of one file that
// `prisma migrate deploy` migrated: each copy must be what a deploy of its own would have made, with
// every migration recorded (so a later deploy has nothing to do) and WAL mode on. Provider-
// independent (vitest.config.mts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { deployMigrations, SQLITE_MIGRATIONS } from "../../lib/migrations/deploy";
import { pendingSqliteMigrations } from "../../lib/migrations/pending";
import { createSqliteDatabase, removeDir } from "../setup/temp-database";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

async function copy(label: string): Promise<string> {
  const database = await createSqliteDatabase(label);
  dirs.push(database.dir);
  return database.databaseUrl.replace(/^file:/, "");
}

const schemaOf = (file: string) => {
  const connection = new Database(file, { readonly: true });
  try {
    return {
      objects: connection.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all(),
      migrations: connection.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name").pluck().all(),
      journal: connection.pragma("journal_mode", { simple: true }),
    };
  } finally {
    connection.close();
  }
};

function sections(file: string): number {
  const connection = new Database(file, { readonly: true });
  try {
    return connection.prepare(`SELECT COUNT(*) FROM "Section"`).pluck().get() as number;
  } finally {
    connection.close();
  }
}

describe("test databases", () => {
  it("are what a deploy of their own makes: every migration applied, WAL on, separate files", async () => {
    const [a, b] = [await copy("copy-a"), await copy("copy-b")];
    const deployedDir = mkdtempSync(path.join(tmpdir(), "pressbox-deployed-"));
    dirs.push(deployedDir);
    const deployed = path.join(deployedDir, "pressbox.db");
    await deployMigrations(`file:${deployed}`);
    expect(a).not.toBe(b);
    expect(schemaOf(a)).toEqual(schemaOf(deployed));
    expect(schemaOf(a).journal).toBe("wal");
    expect(schemaOf(a).migrations.length).toBeGreaterThan(10);
    expect(pendingSqliteMigrations(a, SQLITE_MIGRATIONS)).toEqual([]);
    // A write to one copy is not in the other, nor in one made after it.
    const writer = new Database(a);
    writer.prepare(`INSERT INTO "Section" ("id", "name", "slug", "updatedAt") VALUES ('s1', 'Only here', 'only-here', 0)`).run();
    writer.close();
    expect([a, b, await copy("copy-c")].map(sections)).toEqual([1, 0, 0]);
  }, 60_000);
});
