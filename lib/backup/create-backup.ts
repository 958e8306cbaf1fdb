// `npm run backup`: the database (a consistent snapshot), the media files its records name and the
// session secret, in one archive with a manifest of sizes and SHA-256 sums.
import "server-only";
import { chmod, copyFile, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { authSecret } from "../auth/secret";
import { SECRET_FILE_NAME } from "../auth/secret-file";
import { databaseProvider, sqliteFilePath } from "../database-url";
import { mediaStorageKind } from "../media/file/storage-config";
import { writeArchive } from "./archive";
import { BackupError } from "./backup-error";
import { describeFile, MANIFEST_NAME, MEDIA_FOLDER, POSTGRES_DUMP_FILE, pressboxVersion, SECRET_FILE, SQLITE_FILE, type Manifest } from "./manifest";
import { dumpPostgres } from "./postgres-dump";
import { integrityCheck, snapshotSqlite, sqliteFacts, type DatabaseFacts } from "./sqlite-snapshot";

type BackupOptions = {
  databaseUrl: string;
  mediaDir: string;
  // Where `npm start` keeps a generated session secret (data/).
  dataDir: string;
  env: Record<string, string | undefined>;
  // The archive to write (must not exist yet).
  out: string;
  log?: (line: string) => void;
};

// A picture deleted between the snapshot and the copy of its file: the snapshot names a file that
// is gone. A fresh snapshot will not name it any more, so try again a few times.
const ATTEMPTS = 3;

type Snapshot = { facts: DatabaseFacts; file: string; tool: string };

export async function createBackup(options: BackupOptions): Promise<{ file: string; manifest: Manifest }> {
  const log = options.log ?? (() => undefined);
  refuseBucketMedia(options.env);
  const out = path.resolve(options.out);
  if (existsSync(out)) throw new BackupError(`${out} already exists; choose another name (nothing was written)`);
  const outDir = path.dirname(out);
  await mkdir(outDir, { recursive: true });
  const provider = databaseProvider(options.databaseUrl);
  for (let attempt = 1; ; attempt++) {
    const staging = await mkdtemp(path.join(outDir, ".pressbox-backup-"));
    try {
      const snapshot = await takeSnapshot(provider, options.databaseUrl, staging);
      const missing = await copyMedia(options.mediaDir, snapshot.facts.mediaKeys, staging);
      if (missing.length > 0 && attempt < ATTEMPTS) {
        log(`${missing.length} media file(s) went missing during the backup (deleted meanwhile?); starting again`);
        continue;
      }
      if (missing.length > 0) log(`warning: ${missing.length} media file(s) named by the database are not in ${options.mediaDir}: ${missing.slice(0, 5).join(", ")}`);
      const secret = await stageSecret(options.env, options.dataDir, staging);
      if (!secret) log("warning: no session secret found (NEXTAUTH_SECRET, AUTH_SECRET or data/nextauth-secret); the backup has none");
      const manifest = await describeBackup(staging, provider, snapshot, secret, missing);
      await writeArchive(staging, manifest, out);
      await chmod(out, 0o600);
      log(`backup written to ${out} (${(await stat(out)).size} bytes): ${provider} database, ${manifest.mediaFiles} media files${secret ? ", session secret" : ""}`);
      return { file: out, manifest };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}

async function takeSnapshot(provider: "sqlite" | "postgresql", databaseUrl: string, staging: string): Promise<Snapshot> {
  if (provider === "postgresql") {
    const target = path.join(staging, POSTGRES_DUMP_FILE);
    const { facts, tool } = await dumpPostgres(databaseUrl, target);
    return { facts, file: POSTGRES_DUMP_FILE, tool };
  }
  const source = sqliteFilePath(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`the SQLite database ${source} does not exist (is DATABASE_URL right?)`);
  const target = path.join(staging, SQLITE_FILE);
  await snapshotSqlite(source, target);
  const integrity = integrityCheck(target);
  if (integrity !== "ok") throw new BackupError(`the snapshot of ${source} fails PRAGMA integrity_check (${integrity.slice(0, 300)}); the live database needs repair first`);
  return { facts: sqliteFacts(target), file: SQLITE_FILE, tool: "SQLite online backup API (better-sqlite3)" };
}

// The archive's media come from the local folder. With MEDIA_STORAGE=s3 that folder is not where
// the pictures are, and a backup without them would look complete until the day it is restored.
function refuseBucketMedia(env: Record<string, string | undefined>): void {
  if (mediaStorageKind(env) !== "s3") return;
  throw new BackupError(
    "MEDIA_STORAGE=s3: the media files are in the bucket S3_BUCKET names, which npm run backup does not copy (nothing was written). Back up the database with pg_dump or sqlite3 .backup and the bucket with its provider's tools (versioning, replication, rclone sync)",
  );
}

// Returns the keys whose file is not in the media folder.
async function copyMedia(mediaDir: string, keys: string[], staging: string): Promise<string[]> {
  const missing: string[] = [];
  for (const key of keys) {
    const target = path.join(staging, MEDIA_FOLDER, key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(mediaDir, key), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(key);
    }
  }
  return missing;
}

async function stageSecret(env: Record<string, string | undefined>, dataDir: string, staging: string): Promise<Manifest["sessionSecret"]> {
  const given = authSecret(env);
  const file = path.join(dataDir, SECRET_FILE_NAME);
  const stored = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  const secret = given ?? (stored || null);
  if (!secret) return null;
  await writeFile(path.join(staging, SECRET_FILE), `${secret}\n`, { mode: 0o600 });
  return { file: SECRET_FILE, source: given ? "environment" : "file" };
}

async function describeBackup(staging: string, provider: "sqlite" | "postgresql", snapshot: Snapshot, secret: Manifest["sessionSecret"], missing: string[]): Promise<Manifest> {
  const present = snapshot.facts.mediaKeys.filter((key) => !missing.includes(key));
  const paths = [snapshot.file, ...(secret ? [secret.file] : []), ...present.map((key) => `${MEDIA_FOLDER}/${key}`)];
  const files = [];
  for (const relative of paths) files.push(await describeFile(staging, relative));
  const migrations = snapshot.facts.migrations;
  const manifest: Manifest = {
    format: "pressbox-backup",
    formatVersion: 1,
    pressboxVersion: pressboxVersion(),
    createdAt: new Date().toISOString(),
    provider,
    migration: migrations.at(-1) ?? "",
    migrations,
    database: { file: snapshot.file, tool: snapshot.tool },
    tables: snapshot.facts.tables,
    sessionSecret: secret,
    mediaFiles: present.length,
    missingMedia: missing,
    files,
  };
  await writeFile(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
