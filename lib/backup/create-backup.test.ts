import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError } from "./backup-error";
import { createBackup } from "./create-backup";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "pressbox-backup-refusal-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("createBackup with media in a bucket", () => {
  // The archive's media come from MEDIA_DIR; with MEDIA_STORAGE=s3 it would silently hold none.
  it("refuses MEDIA_STORAGE=s3 with what to do instead, and writes nothing", async () => {
    const out = path.join(folder, "backups", "pressbox.tar.gz");
    const attempt = createBackup({ databaseUrl: `file:${path.join(folder, "none.db")}`, mediaDir: folder, dataDir: folder, env: { MEDIA_STORAGE: "s3", S3_BUCKET: "media" }, out });
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(/MEDIA_STORAGE=s3: the media files are in the bucket .*\(nothing was written\)/);
    expect(existsSync(path.join(folder, "backups"))).toBe(false);
  });
});
