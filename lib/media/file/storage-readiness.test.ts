import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type TestS3Server } from "../../../tests/fixtures/s3-server";
import { S3MediaStorage } from "./s3-storage";
import { LocalFolderStorage } from "./storage";
import { checkMediaStorage } from "./storage-readiness";

let root: string;
let server: TestS3Server;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pressbox-ready-"));
  server = await startS3Server();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await server?.close();
});

describe("checkMediaStorage (/readyz)", () => {
  it("is ready with a writable media folder, made if missing, and leaves nothing in it", async () => {
    const folder = path.join(root, "media");
    expect(await checkMediaStorage(() => new LocalFolderStorage(folder))).toMatchObject({ ok: true });
    expect(await readdir(folder)).toEqual([]);
  });

  it("is not ready when the media folder cannot be written", async () => {
    // A file where the folder should be: fails for root too, unlike a permission bit.
    const blocked = path.join(root, "not-a-folder");
    await writeFile(blocked, "x");
    const check = await checkMediaStorage(() => new LocalFolderStorage(path.join(blocked, "media")));
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/^The media store cannot be used: /);
  });

  it("is ready when the bucket answers HeadBucket, and names a missing bucket", async () => {
    expect(await checkMediaStorage(() => new S3MediaStorage(server.config))).toMatchObject({ ok: true });
    const missing = await checkMediaStorage(() => new S3MediaStorage({ ...server.config, bucket: "no-such-bucket" }));
    expect(missing).toMatchObject({ ok: false, message: "The media store cannot be used: the bucket does not exist (S3_BUCKET)" });
  });

  it("reports a mistaken setting instead of throwing", async () => {
    const saved = { MEDIA_STORAGE: process.env.MEDIA_STORAGE, S3_BUCKET: process.env.S3_BUCKET };
    process.env.MEDIA_STORAGE = "s3";
    delete process.env.S3_BUCKET;
    try {
      const check = await checkMediaStorage();
      expect(check).toMatchObject({ ok: false });
      expect(check.message).toMatch(/MEDIA_STORAGE=s3 needs S3_BUCKET/);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("is not ready when the S3 service does not answer", async () => {
    const check = await checkMediaStorage(() => new S3MediaStorage({ ...server.config, endpoint: "http://127.0.0.1:9" }));
    expect(check.ok).toBe(false);
  });
});
