// Throwaway databases for test runs: a temp folder per run, migrated the way production is.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deployMigrations } from "../../lib/migrations/deploy";

export type TestDatabase = { dir: string; databaseUrl: string; mediaDir: string };

// A temp folder holding a migrated SQLite file and an empty media folder.
export async function createSqliteDatabase(label: string): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `pressbox-${label}-`));
  const databaseUrl = `file:${path.join(dir, "pressbox.db")}`;
  const mediaDir = path.join(dir, "media");
  mkdirSync(mediaDir);
  await deployMigrations(databaseUrl);
  return { dir, databaseUrl, mediaDir };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
