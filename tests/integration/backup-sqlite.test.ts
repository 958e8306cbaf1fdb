// Backups of a SQLite newsroom (npm run backup / npm run restore): a backup taken while an editor
// in another process keeps writing restores, into a new folder, to one consistent moment: integrity
// check ok, every write acknowledged before the backup began is there, the writer's stories are
// exactly its first N writes for one N, and every other story, revision, picture (record and file
// bytes) and credit equals the live newsroom. A changed archive or a used target is refused with
// nothing written. Provider-independent: it makes its own SQLite files (vitest.config.mts).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError } from "../../lib/backup/backup-error";
import { createBackup } from "../../lib/backup/create-backup";
import { restoreBackup } from "../../lib/backup/restore-backup";
import { integrityCheck } from "../../lib/backup/sqlite-snapshot";
import { sqliteFilePath } from "../../lib/database-url";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { seedNewsroom, startWriter } from "../support/backup-processes";
import type { WriterLine } from "../support/backup-writer";

const SECRET = "backup-test-session-secret";
// Written only by the writer's stories (or not at all while it runs): compared row for row.
const UNTOUCHED_TABLES = ["Media", "MediaRendition", "Agency", "Photographer", "Caption", "Quote", "Sidebar", "ArticleByline", "ArticleTag", "Tag", "Section", "BylineProfile", "User", "RelatedLink"];

let source: TestDatabase;
let work: string;
let dataDir: string;
let quietArchive: string;

const env = () => ({ DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir });
const backupOf = (out: string) => createBackup({ databaseUrl: source.databaseUrl, mediaDir: source.mediaDir, dataDir, env: {}, out });

beforeAll(async () => {
  source = await createSqliteDatabase("backup-source");
  seedNewsroom(env());
  work = mkdtempSync(path.join(tmpdir(), "pressbox-backup-work-"));
  dataDir = path.join(work, "data");
  mkdirSync(dataDir);
  writeFileSync(path.join(dataDir, "nextauth-secret"), `${SECRET}\n`, { mode: 0o600 });
  quietArchive = (await backupOf(path.join(work, "quiet.tar.gz"))).file;
}, 180_000);

afterAll(() => {
  if (source) removeDir(source.dir);
  if (work) removeDir(work);
});

function rows(connection: Database.Database, table: string, where = "1 = 1"): Record<string, unknown>[] {
  return connection.prepare(`SELECT * FROM "${table}" WHERE ${where} ORDER BY rowid`).all() as Record<string, unknown>[];
}

function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

// The writer's stories after its first n acknowledged writes.
function stateAfter(lines: WriterLine[], n: number): Map<string, { version: number; kicker: string }> {
  const state = new Map<string, { version: number; kicker: string }>();
  for (const line of lines.slice(0, n)) state.set(line.id, { version: line.version, kicker: line.kicker });
  return state;
}

function leftovers(): string[] {
  return readdirSync(work).filter((name) => name.includes(".restoring-") || name.startsWith(".pressbox-backup-"));
}

describe("a backup taken while an editor writes", () => {
  it("restores into a new folder as one consistent moment, equal to the newsroom", async () => {
    const writer = await startWriter(env());
    await waitFor(() => writer.lines.length >= 10, "the writer's first writes");
    const acknowledgedBefore = writer.lines.length;
    const { manifest } = await backupOf(path.join(work, "busy.tar.gz"));
    const acknowledgedAtEnd = writer.lines.length;
    await waitFor(() => writer.lines.length >= acknowledgedAtEnd + 4, "writes after the backup");
    const lines = await writer.stop();

    const restored = await restoreBackup({ archive: path.join(work, "busy.tar.gz"), to: path.join(work, "restored") });
    expect(restored.integrity).toBe("ok");
    const restoredFile = sqliteFilePath(restored.databaseUrl);
    expect(integrityCheck(restoredFile)).toBe("ok");
    expect(leftovers()).toEqual([]);

    const copy = new Database(restoredFile, { readonly: true });
    const live = new Database(sqliteFilePath(source.databaseUrl), { readonly: true });
    try {
      // The writer's stories: exactly its first n writes, for one n, and no torn save.
      const writerIds = [...new Set(lines.map((line) => line.id))];
      const inCopy = new Map(
        (copy.prepare(`SELECT id, version, kicker FROM "Article" WHERE id IN (${writerIds.map(() => "?").join(",")})`).all(...writerIds) as { id: string; version: number; kicker: string }[]).map((row) => [
          row.id,
          { version: row.version, kicker: row.kicker },
        ]),
      );
      const reflected = lines.map((line) => (inCopy.get(line.id)?.version ?? 0) >= line.version);
      const n = reflected.indexOf(false) === -1 ? lines.length : reflected.indexOf(false);
      expect(reflected.slice(n).every((isIn) => !isIn)).toBe(true);
      expect(inCopy).toEqual(stateAfter(lines, n));
      console.log(`backup under writes: ${acknowledgedBefore} writes acknowledged before it began, ${acknowledgedAtEnd} when it ended, ${lines.length} in all; the restore holds the first ${n}`);
      expect(n).toBeGreaterThanOrEqual(acknowledgedBefore);
      expect(n).toBeLessThan(lines.length);
      for (const [id, story] of inCopy) {
        const revisions = copy.prepare(`SELECT "articleVersion", snapshot FROM "Revision" WHERE "articleId" = ?`).all(id) as { articleVersion: number; snapshot: string }[];
        expect(revisions.map((revision) => revision.articleVersion)).toEqual(story.version > 1 ? [story.version] : []);
        for (const revision of revisions) expect(JSON.parse(revision.snapshot).kicker).toBe(story.kicker);
      }

      // Everything else equals the live newsroom, row for row.
      for (const table of UNTOUCHED_TABLES) expect(rows(copy, table), table).toEqual(rows(live, table));
      const others = `id NOT IN (${writerIds.map((id) => `'${id}'`).join(",")})`;
      expect(rows(copy, "Article", others).length).toBeGreaterThan(10);
      expect(rows(copy, "Article", others)).toEqual(rows(live, "Article", others));
      const liveRevisions = new Map(rows(live, "Revision").map((row) => [row.id, row]));
      for (const revision of rows(copy, "Revision")) expect(revision).toEqual(liveRevisions.get(revision.id));
      expect(rows(copy, "Revision", `"articleId" NOT IN (${writerIds.map((id) => `'${id}'`).join(",")})`)).toEqual(rows(live, "Revision", `"articleId" NOT IN (${writerIds.map((id) => `'${id}'`).join(",")})`));

      // Every picture's files, byte for byte, and the session secret.
      const keys = copy.prepare(`SELECT "storageKey" FROM "Media" UNION SELECT "storageKey" FROM "MediaRendition"`).pluck().all() as string[];
      expect(keys.length).toBeGreaterThan(100);
      expect(manifest.mediaFiles).toBe(keys.length);
      expect(manifest.missingMedia).toEqual([]);
      for (const key of keys) expect(readFileSync(path.join(restored.folder, "media", key)).equals(readFileSync(path.join(source.mediaDir, key))), key).toBe(true);
      expect(readFileSync(path.join(restored.folder, "nextauth-secret"), "utf8").trim()).toBe(SECRET);
      expect(statSync(path.join(restored.folder, "nextauth-secret")).mode & 0o777).toBe(0o600);
    } finally {
      copy.close();
      live.close();
    }
  }, 240_000);
});

describe("restore refuses", () => {
  it("an archive with one byte changed in its compressed stream, writing nothing", async () => {
    const bytes = readFileSync(quietArchive);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const tampered = path.join(work, "tampered-gzip.tar.gz");
    writeFileSync(tampered, bytes);
    const target = path.join(work, "from-tampered-gzip");
    await expect(restoreBackup({ archive: tampered, to: target })).rejects.toThrow(/damaged|does not match/);
    expect(readdirSync(work)).not.toContain("from-tampered-gzip");
    expect(leftovers()).toEqual([]);
  });

  it("an archive with one byte of one picture changed (valid gzip and tar), writing nothing", async () => {
    const tar = gunzipSync(readFileSync(quietArchive));
    // The first tar header naming a picture (headers start at multiples of 512 bytes; the
    // manifest's text names pictures too).
    let header = tar.indexOf("media/o/");
    // A real header says "ustar" at offset 257 (the manifest's text may put a name on a boundary).
    const isHeader = (at: number) => at % 512 === 0 && tar.subarray(at + 257, at + 262).toString() === "ustar";
    while (header !== -1 && !isHeader(header)) header = tar.indexOf("media/o/", header + 1);
    expect(header).toBeGreaterThan(0);
    const changedPath = tar.subarray(header, tar.indexOf(0, header)).toString();
    tar[header + 512 + 100] ^= 0x01;
    const tampered = path.join(work, "tampered-file.tar.gz");
    writeFileSync(tampered, gzipSync(tar));
    const target = path.join(work, "from-tampered-file");
    const refusal = await restoreBackup({ archive: tampered, to: target }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as Error).message).toContain("does not match its manifest");
    expect((refusal as Error).message).toContain(changedPath);
    expect(readdirSync(work)).not.toContain("from-tampered-file");
    expect(leftovers()).toEqual([]);
  });

  it("a target folder that already holds something, and a target that is a file", async () => {
    const target = path.join(work, "occupied");
    mkdirSync(target);
    writeFileSync(path.join(target, "pressbox.db"), "someone's newsroom");
    await expect(restoreBackup({ archive: quietArchive, to: target })).rejects.toThrow(/is not empty/);
    expect(readdirSync(target)).toEqual(["pressbox.db"]);
    expect(readFileSync(path.join(target, "pressbox.db"), "utf8")).toBe("someone's newsroom");
    await expect(restoreBackup({ archive: quietArchive, to: path.join(target, "pressbox.db") })).rejects.toThrow(/not a folder/);
    expect(leftovers()).toEqual([]);
  });

  it("restores into an empty folder that already exists", async () => {
    const target = path.join(work, "empty-folder");
    mkdirSync(target);
    const restored = await restoreBackup({ archive: quietArchive, to: target });
    expect(restored.integrity).toBe("ok");
    expect(readdirSync(target).sort()).toEqual(["media", "nextauth-secret", "pressbox.db"]);
  });
});

describe("the command lines", () => {
  const run = (script: string, args: string[]) => spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", env: { ...process.env, ...env() } });

  it("answer bad arguments and refused restores with exit code 1 and a message, no stack trace", () => {
    const noArchive = run("scripts/restore.ts", []);
    expect(noArchive.status).toBe(1);
    expect(noArchive.stderr).toContain("usage: npm run restore");
    const unknown = run("scripts/backup.ts", ["--outt", "x.tar.gz"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown option --outt");
    const occupied = run("scripts/restore.ts", [quietArchive, "--to", path.join(work, "occupied")]);
    expect(occupied.status).toBe(1);
    expect(occupied.stderr).toContain("is not empty");
    for (const result of [noArchive, unknown, occupied]) expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it("npm run backup on PostgreSQL without pg_dump says what to install and writes nothing", () => {
    const bin = path.join(work, "bin-without-pg-dump");
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, "node"));
    const out = path.join(work, "no-pg-dump", "backup.tar.gz");
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--out", out], {
      encoding: "utf8",
      env: { ...process.env, PATH: bin, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/pressbox_not_needed" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("pg_dump was not found on PATH: install the PostgreSQL client tools");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  }, 60_000);

  it("npm run backup refuses to overwrite an archive", async () => {
    await expect(backupOf(quietArchive)).rejects.toThrow(/already exists/);
  });
});
