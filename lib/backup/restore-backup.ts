// `npm run restore`: checks the whole archive first (every file's size and SHA-256 against the
// manifest) and writes nothing until that passes; then unpacks into a temp folder beside the target,
// checks the database there (PRAGMA integrity_check and row counts for SQLite; pg_restore into an
// empty database in one transaction, then row counts, for PostgreSQL) and only then renames the
// folder to the target. A target folder or database that already holds something is refused.
import "server-only";
import { existsSync, readdirSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { committedMigrations } from "../migrations/pending";
import { databaseProvider, redactUrl } from "../database-url";
import { compareWithManifest, extractArchive, verifyArchive } from "./archive";
import { BackupError } from "./backup-error";
import { describeFile, MANIFEST_NAME, POSTGRES_DUMP_FILE, SQLITE_FILE, type Manifest } from "./manifest";
import { assertEmptyPostgres, connectionArgs, connectPostgres, postgresFacts, runTool, toolVersion } from "./postgres-tools";
import { integrityCheck, sqliteFacts } from "./sqlite-snapshot";

type RestoreOptions = {
  archive: string;
  // The folder to create: the SQLite database, media/ and nextauth-secret go there.
  to: string;
  // PostgreSQL backups: the empty database to restore into.
  databaseUrl?: string;
  migrationsDir?: string;
  log?: (line: string) => void;
};

type RestoreResult = { manifest: Manifest; folder: string; databaseUrl: string; integrity: string | null };

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const archive = path.resolve(options.archive);
  if (!existsSync(archive) || !statSync(archive).isFile()) throw new BackupError(`${archive} does not exist or is not a file`);
  const folder = path.resolve(options.to);
  assertFreeFolder(folder);
  const manifest = await verifyArchive(archive);
  log(`${path.basename(archive)}: ${manifest.files.length} files match the manifest (${manifest.provider}, made ${manifest.createdAt} by Pressbox ${manifest.pressboxVersion})`);
  assertKnownMigrations(manifest, options.migrationsDir ?? path.join("prisma", "migrations"));
  const databaseUrl = await checkDatabaseTarget(manifest, folder, options.databaseUrl);
  await mkdir(path.dirname(folder), { recursive: true });
  const temp = await mkdtemp(path.join(path.dirname(folder), `.${path.basename(folder)}.restoring-`));
  try {
    await extractArchive(archive, manifest, temp);
    await assertExtractedFiles(temp, manifest);
    const integrity = manifest.provider === "sqlite" ? checkSqlite(temp, manifest) : null;
    if (manifest.provider === "postgresql") await restorePostgres(temp, manifest, databaseUrl);
    await rm(path.join(temp, MANIFEST_NAME), { force: true });
    if (manifest.sessionSecret) await chmod(path.join(temp, manifest.sessionSecret.file), 0o600);
    if (existsSync(folder)) await rmdir(folder);
    await rename(temp, folder);
    return { manifest, folder, databaseUrl, integrity };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function assertFreeFolder(folder: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new BackupError(`${folder} exists and is not a folder; restore into a new or empty folder (nothing was changed)`);
  if (readdirSync(folder).length > 0) throw new BackupError(`${folder} is not empty; restore into a new or empty folder, never over a newsroom (nothing was changed)`);
}

function assertKnownMigrations(manifest: Manifest, migrationsDir: string): void {
  const known = new Set(committedMigrations(migrationsDir));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(`this backup's database has migrations this Pressbox does not know (${unknown.join(", ")}): it was made by a newer Pressbox; restore it with that version (nothing was changed)`);
  }
}

async function checkDatabaseTarget(manifest: Manifest, folder: string, given: string | undefined): Promise<string> {
  if (manifest.provider === "sqlite") {
    if (given) throw new BackupError("this is a SQLite backup: it restores into the --to folder only (then `npm run db:copy-to-postgres` moves it to PostgreSQL); drop --database-url");
    return `file:${path.join(folder, SQLITE_FILE)}`;
  }
  if (!given || databaseProvider(given) !== "postgresql") {
    throw new BackupError("this is a PostgreSQL backup: name the empty database to restore into with --database-url postgresql://…");
  }
  await toolVersion("pg_restore");
  await assertEmptyPostgres(given);
  return given;
}

// The files on disk, read back: what pg_restore and SQLite will open is what the manifest lists.
async function assertExtractedFiles(temp: string, manifest: Manifest): Promise<void> {
  const seen = new Map<string, { bytes: number; sha256: string }>();
  for (const entry of manifest.files) {
    if (existsSync(path.join(temp, entry.path))) seen.set(entry.path, await describeFile(temp, entry.path));
  }
  const problems = compareWithManifest(manifest, seen);
  if (problems.length > 0) throw new BackupError(`the unpacked files do not match the manifest (the archive changed while it was read?): ${problems.slice(0, 5).join("; ")}`);
}

function checkSqlite(temp: string, manifest: Manifest): string {
  const file = path.join(temp, SQLITE_FILE);
  const integrity = integrityCheck(file);
  if (integrity !== "ok") throw new BackupError(`the restored database fails PRAGMA integrity_check: ${integrity.slice(0, 300)}`);
  assertSameCounts(manifest.tables, sqliteFacts(file).tables);
  // The read-only checks leave -wal/-shm files; the last read-write connection to close removes them.
  const connection = new Database(file);
  connection.prepare("SELECT count(*) FROM sqlite_master").get();
  connection.close();
  return integrity;
}

async function restorePostgres(temp: string, manifest: Manifest, databaseUrl: string): Promise<void> {
  const dump = path.join(temp, POSTGRES_DUMP_FILE);
  const { args, env } = connectionArgs(databaseUrl);
  const result = await runTool("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", ...args, dump], env);
  if (result.status !== 0) throw new BackupError(`pg_restore into ${redactUrl(databaseUrl)} failed, nothing was kept: ${result.stderr.trim().split("\n").slice(-6).join("\n")}`);
  await rm(dump);
  const client = await connectPostgres(databaseUrl);
  try {
    assertSameCounts(manifest.tables, (await postgresFacts(client)).tables);
  } finally {
    await client.end();
  }
}

function assertSameCounts(expected: Record<string, number>, actual: Record<string, number>): void {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const different = [...names].filter((name) => expected[name] !== actual[name]);
  if (different.length > 0) {
    throw new BackupError(`the restored database's row counts differ from the manifest: ${different.map((name) => `${name} ${actual[name] ?? "missing"} (expected ${expected[name] ?? "none"})`).join(", ")}`);
  }
}
