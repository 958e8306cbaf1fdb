// Which committed migrations a database has not applied yet, read without the Prisma CLI.
// Prisma's migrate engine takes an exclusive lock on a SQLite file, which fails while a server
// has it open; reading first lets `npm start` skip the engine when there is nothing to apply.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export function committedMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

function appliedMigrations(file: string): Set<string> {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return new Set();
    const rows = connection.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[];
    return new Set(rows.map((row) => row.migration_name));
  } finally {
    connection.close();
  }
}

export function pendingSqliteMigrations(file: string, migrationsDir: string): string[] {
  const committed = committedMigrations(migrationsDir);
  if (!existsSync(file)) return committed;
  const applied = appliedMigrations(file);
  return committed.filter((name) => !applied.has(name));
}
