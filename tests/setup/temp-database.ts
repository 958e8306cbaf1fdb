// Throwaway databases for test runs: a temp folder per run, migrated the way production is.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deployMigrations, SQLITE_MIGRATIONS } from "../../lib/migrations/deploy";
import { committedMigrations } from "../../lib/migrations/pending";

export type TestDatabase = { dir: string; databaseUrl: string; mediaDir: string };

// A temp folder holding a migrated SQLite file and an empty media folder. The file is a copy of one
// that `prisma migrate deploy` migrated once for these migrations (migratedTemplate): the suite
// makes some 40 such databases, and each deploy is a Prisma CLI process of about 1.4 CPU seconds.
export async function createSqliteDatabase(label: string): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `pressbox-${label}-`));
  const file = path.join(dir, "pressbox.db");
  const mediaDir = path.join(dir, "media");
  mkdirSync(mediaDir);
  copyFileSync(await migratedTemplate(), file);
  return { dir, databaseUrl: `file:${file}`, mediaDir };
}

// A SQLite file migrated by deployMigrations (WAL mode included, as it stores that in the file),
// kept in the temp folder under the hash of every migration's name and SQL: a changed or added
// migration makes a new one. Written to a private folder (deployMigrations leaves no WAL file: its
// last connection's close checkpoints it), then renamed into place, so a process that finds it (several test processes start at once) never
// finds half of one.
let template: Promise<string> | undefined;
function migratedTemplate(): Promise<string> {
  template ??= makeTemplate().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function makeTemplate(): Promise<string> {
  const file = path.join(tmpdir(), `pressbox-migrated-${migrationsHash()}.db`);
  if (existsSync(file)) return file;
  const work = mkdtempSync(path.join(tmpdir(), "pressbox-migrating-"));
  try {
    const partial = path.join(work, "pressbox.db");
    await deployMigrations(`file:${partial}`);
    if (existsSync(`${partial}-wal`)) throw new Error(`the migrated template kept a WAL file: ${partial}-wal`);
    renameSync(partial, file);
  } finally {
    removeDir(work);
  }
  return file;
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const name of committedMigrations(SQLITE_MIGRATIONS))
    hash
      .update(`${name}\0`)
      .update(readFileSync(path.join(SQLITE_MIGRATIONS, name, "migration.sql")))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
