// SQLite side of a backup: a consistent copy of a live database file through SQLite's online
// backup API (better-sqlite3's db.backup), and the facts a manifest records about a database file.
import "server-only";
import Database from "better-sqlite3";
import { BackupError } from "./backup-error";

// Every page in one step: the step reads under one read transaction, so the copy is the database
// as of one commit even while a server keeps writing (WAL lets that writer go on meanwhile), and a
// busy writer cannot make the copy start over again and again.
const ALL_PAGES = 0x7fffffff;

export async function snapshotSqlite(sourceFile: string, targetFile: string): Promise<void> {
  let source: Database.Database;
  try {
    source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open the SQLite database ${sourceFile}: ${(error as Error).message}`);
  }
  try {
    await source.backup(targetFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

// "ok", or SQLite's list of what is wrong.
export function integrityCheck(file: string): string {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = connection.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("; ");
  } finally {
    connection.close();
  }
}

export type DatabaseFacts = { migrations: string[]; tables: Record<string, number>; mediaKeys: string[] };

export function sqliteFacts(file: string): DatabaseFacts {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const tables = Object.fromEntries(names.map((name) => [name, Number(connection.prepare(`SELECT count(*) FROM "${name}"`).pluck().get())]));
    if (!names.includes("_prisma_migrations") || !names.includes("Media")) throw new BackupError(`${file} is not a Pressbox database (no migrations table)`);
    const migrations = connection.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name").pluck().all() as string[];
    const mediaKeys = connection.prepare(`SELECT "storageKey" FROM "Media" UNION SELECT "storageKey" FROM "MediaRendition" ORDER BY 1`).pluck().all() as string[];
    return { migrations, tables, mediaKeys };
  } finally {
    connection.close();
  }
}
