// npm run backup / restore on PostgreSQL: pg_dump of a newsroom (demo newsroom plus saves through
// lib/), restored with pg_restore into a new empty database: every row of every model, every reader
// page and every picture's bytes equal the original. Restoring into a database that is not empty
// is refused and changes nothing. Runs in the integration-postgres project, on its server (found or
// embedded), with databases of its own; skipped, saying why, where pg_dump/pg_restore are not on
// PATH or are older than that server (the embedded server ships no client tools).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBackup } from "../../lib/backup/create-backup";
import { toolVersion } from "../../lib/backup/postgres-tools";
import { restoreBackup } from "../../lib/backup/restore-backup";
import { deployMigrations } from "../../lib/migrations/deploy";
import { removeDir } from "../setup/temp-database";
import { createPostgresDatabase, readNewsroom, runWriter, seedNewsroom, type PostgresDatabase } from "../support/backup-processes";

// pg_dump and pg_restore are the operator's tools, not npm packages: without them the backup says
// what to install (backup-sqlite.test.ts proves that), and this test skips, saying so.
async function missingTools(): Promise<string | null> {
  let versions: string[];
  try {
    versions = [await toolVersion("pg_dump"), await toolVersion("pg_restore")];
  } catch (error) {
    return (error as Error).message;
  }
  const serverMajor = Number((await serverVersion()).split(".")[0]);
  const toolMajor = Math.min(...versions.map((v) => Number(/(\d+)(?:\.\d+)/.exec(v)?.[1] ?? 0)));
  return toolMajor >= serverMajor ? null : `pg_dump/pg_restore ${toolMajor} cannot dump the PostgreSQL ${serverMajor} server this run uses`;
}

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: inject("postgresServerUrl") });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  } finally {
    await client.end();
  }
}

const skipReason = await missingTools();
if (skipReason) console.warn(`backup-postgres: skipped: ${skipReason}`);
const SECRET = "backup-postgres-test-secret";

let work: string;
let mediaDir: string;
let source: PostgresDatabase | null = null;
let restored: PostgresDatabase | null = null;

describe.skipIf(Boolean(skipReason))("a PostgreSQL backup", () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "pressbox-backup-pg-"));
    mediaDir = path.join(work, "media");
    mkdirSync(mediaDir);
    source = await createPostgresDatabase("backup_source");
    await deployMigrations(source.url);
    seedNewsroom({ DATABASE_URL: source.url, MEDIA_DIR: mediaDir });
    runWriter({ DATABASE_URL: source.url, MEDIA_DIR: mediaDir }, 3);
    restored = await createPostgresDatabase("backup_restored");
  }, 300_000);

  afterAll(async () => {
    await source?.drop();
    await restored?.drop();
    if (work) removeDir(work);
  });

  it("made with pg_dump restores into a new empty database with equal content", async () => {
    const archive = path.join(work, "pg.tar.gz");
    const { manifest } = await createBackup({ databaseUrl: source!.url, mediaDir, dataDir: work, env: { NEXTAUTH_SECRET: SECRET }, out: archive });
    expect(manifest.provider).toBe("postgresql");
    expect(manifest.database.tool).toMatch(/^pg_dump/);
    const result = await restoreBackup({ archive, to: path.join(work, "restored"), databaseUrl: restored!.url });

    const original = readNewsroom({ DATABASE_URL: source!.url, MEDIA_DIR: mediaDir });
    const copy = readNewsroom({ DATABASE_URL: restored!.url, MEDIA_DIR: path.join(result.folder, "media") });
    expect(original.models.Revision.length).toBeGreaterThanOrEqual(3);
    expect(copy.models).toEqual(original.models);
    expect(copy.pages).toEqual(original.pages);
    expect(copy.storyList).toEqual(original.storyList);

    const keys = [...original.models.Media, ...original.models.MediaRendition].map((row) => String(row.storageKey));
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) expect(readFileSync(path.join(result.folder, "media", key)).equals(readFileSync(path.join(mediaDir, key))), key).toBe(true);
    expect(readFileSync(path.join(result.folder, "nextauth-secret"), "utf8").trim()).toBe(SECRET);
    expect(readdirSync(result.folder).sort()).toEqual(["media", "nextauth-secret"]);

    // The source is a newsroom: restoring into it is refused, and it is unchanged.
    await expect(restoreBackup({ archive, to: path.join(work, "again"), databaseUrl: source!.url })).rejects.toThrow(/is not empty/);
    expect(readNewsroom({ DATABASE_URL: source!.url, MEDIA_DIR: mediaDir }).models).toEqual(original.models);
    expect(readdirSync(work)).not.toContain("again");
  }, 300_000);
});
