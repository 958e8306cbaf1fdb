import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { committedMigrations, pendingSqliteMigrations } from "./pending";

let dir: string;
let migrations: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pressbox-pending-"));
  migrations = path.join(dir, "migrations");
  for (const name of ["20260101000000_init", "20260201000000_more"]) {
    mkdirSync(path.join(migrations, name), { recursive: true });
    writeFileSync(path.join(migrations, name, "migration.sql"), "-- sql");
  }
  writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "sqlite"');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function databaseWithApplied(names: { name: string; isFinished: boolean }[]): string {
  const file = path.join(dir, "test.db");
  const connection = new Database(file);
  connection.exec("CREATE TABLE _prisma_migrations (migration_name TEXT, finished_at TEXT, rolled_back_at TEXT)");
  const insert = connection.prepare("INSERT INTO _prisma_migrations VALUES (?, ?, NULL)");
  for (const { name, isFinished } of names) insert.run(name, isFinished ? "2026-01-01" : null);
  connection.close();
  return file;
}

describe("pendingSqliteMigrations", () => {
  it("lists only migration folders, in order", () => {
    expect(committedMigrations(migrations)).toEqual(["20260101000000_init", "20260201000000_more"]);
  });

  it("treats a missing database file as needing every migration", () => {
    expect(pendingSqliteMigrations(path.join(dir, "none.db"), migrations)).toHaveLength(2);
  });

  it("returns the migrations not yet finished in the database", () => {
    const file = databaseWithApplied([
      { name: "20260101000000_init", isFinished: true },
      { name: "20260201000000_more", isFinished: false },
    ]);
    expect(pendingSqliteMigrations(file, migrations)).toEqual(["20260201000000_more"]);
  });

  it("returns nothing when every migration is applied", () => {
    const file = databaseWithApplied([
      { name: "20260101000000_init", isFinished: true },
      { name: "20260201000000_more", isFinished: true },
    ]);
    expect(pendingSqliteMigrations(file, migrations)).toEqual([]);
  });
});
