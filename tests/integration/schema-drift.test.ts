// The SQLite schema is the source of truth; the PostgreSQL schema, both migration histories and
// the snapshot of the last migrated schema must move with it (see scripts/db/new-migration.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SOURCE_SCHEMA } from "../../scripts/db/derive-postgres";
import { LAST_MIGRATED_SCHEMA } from "../../scripts/db/new-migration";
import { PLACEHOLDER_URLS, runPrisma } from "../../lib/migrations/prisma-cli";
import { removeDir } from "../setup/temp-database";

const MIGRATION_DIRS = { sqlite: path.join("prisma", "migrations"), postgresql: path.join("prisma", "postgresql", "migrations") };

function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("schema drift", () => {
  test("the PostgreSQL schema is exactly what db:derive makes of the SQLite schema", () => {
    const expected = derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8"));
    const actual = readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(actual, `${POSTGRES_SCHEMA} has drifted from ${SOURCE_SCHEMA}: run npm run db:derive`).toBe(expected);
  });

  test("every schema change has a migration", () => {
    const args = ["migrate", "diff", "--from-schema-datamodel", LAST_MIGRATED_SCHEMA, "--to-schema-datamodel", SOURCE_SCHEMA, "--exit-code"];
    const result = runPrisma(args, PLACEHOLDER_URLS.sqlite);
    const hint = `${SOURCE_SCHEMA} changed since the last migration: run npm run db:migration -- <name>\n${result.stdout}${result.stderr}`;
    expect(result.status, hint).toBe(0);
  });

  test("the SQLite and PostgreSQL histories have the same migrations", () => {
    const sqlite = migrationNames(MIGRATION_DIRS.sqlite);
    expect(sqlite.length, "no migrations found").toBeGreaterThan(0);
    expect(migrationNames(MIGRATION_DIRS.postgresql)).toEqual(sqlite);
    for (const [provider, dir] of Object.entries(MIGRATION_DIRS)) {
      for (const name of sqlite) {
        expect(readFileSync(path.join(dir, name, "migration.sql"), "utf8").trim(), `${provider} ${name} is empty`).not.toBe("");
      }
    }
  });
});

describe("migrate deploy on SQLite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-wal-"));
  afterAll(() => removeDir(dir));

  test("leaves the database in WAL journal mode", () => {
    const file = path.join(dir, "pressbox.db");
    const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db/deploy.ts"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });
});
