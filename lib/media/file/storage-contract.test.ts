// One contract for every media store: the local folder and an S3-compatible bucket (a real s3rver
// on a free port, tests/fixtures/s3-server.ts) must behave the same for every key the media
// pipeline uses, so switching MEDIA_STORAGE changes where files live and nothing else.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type TestS3Server } from "../../../tests/fixtures/s3-server";
import { S3MediaStorage } from "./s3-storage";
import { LocalFolderStorage, type MediaStorage } from "./storage";

type Store = { name: string; start(): Promise<{ storage: MediaStorage; stop(): Promise<void> }> };

const stores: Store[] = [
  {
    name: "LocalFolderStorage",
    async start() {
      const root = await mkdtemp(path.join(os.tmpdir(), "pressbox-contract-"));
      return { storage: new LocalFolderStorage(root), stop: () => rm(root, { recursive: true, force: true }) };
    },
  },
  {
    name: "S3MediaStorage on s3rver",
    async start() {
      const server = await startS3Server();
      return { storage: new S3MediaStorage(server.config), stop: () => server.close() };
    },
  },
];

// Keys differ per test so one store serves the whole suite.
const key = (name: string) => `r/${randomBytes(8).toString("hex")}-${name}`;

describe.each(stores)("media storage contract: $name", (store) => {
  let storage: MediaStorage;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, stop } = await store.start());
  });

  afterAll(async () => {
    await stop?.();
  });

  it("stores, reads, checks and removes a file under a nested key", async () => {
    const k = key("480.webp");
    await storage.put(k, Buffer.from("hello"));
    expect(await storage.exists(k)).toBe(true);
    expect((await storage.read(k))?.toString()).toBe("hello");
    await storage.remove(k);
    expect(await storage.exists(k)).toBe(false);
    expect(await storage.read(k)).toBeNull();
  });

  it("answers null / false for a missing key and removes a missing key without error", async () => {
    const k = key("missing.jpg");
    expect(await storage.read(k)).toBeNull();
    expect(await storage.exists(k)).toBe(false);
    await expect(storage.remove(k)).resolves.toBeUndefined();
  });

  it("replaces a file whole when the same key is written again", async () => {
    const k = `o/${randomBytes(32).toString("hex")}.jpg`;
    await storage.put(k, Buffer.from("first version, which is longer"));
    await storage.put(k, Buffer.from("second"));
    expect((await storage.read(k))?.toString()).toBe("second");
  });

  it("round-trips every byte value and an empty file", async () => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);
    const k = key("1600.avif");
    await storage.put(k, bytes);
    expect((await storage.read(k))?.equals(bytes)).toBe(true);
    const empty = key("empty.jpg");
    await storage.put(empty, new Uint8Array(0));
    expect(await storage.exists(empty)).toBe(true);
    expect((await storage.read(empty))?.length).toBe(0);
  });

  it("keeps concurrent puts of different keys apart, and leaves one whole version of a key written concurrently", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => key(`${i}.webp`));
    await Promise.all(keys.map((k, i) => storage.put(k, Buffer.alloc(10_000 + i, i))));
    for (const [i, k] of keys.entries()) expect((await storage.read(k))?.equals(Buffer.alloc(10_000 + i, i))).toBe(true);
    const contested = key("contested.jpg");
    const versions = Array.from({ length: 6 }, (_, i) => Buffer.alloc(50_000, 65 + i));
    await Promise.all(versions.map((bytes) => storage.put(contested, bytes)));
    const stored = (await storage.read(contested))!;
    expect(versions.some((bytes) => bytes.equals(stored))).toBe(true);
  });

  const badKeys = ["", "/etc/passwd", "../secret", "r/../../etc", "r/..", "R/Upper.jpg", "r//x.jpg", "r/.hidden", ".tmp", "r/x.jpg/", "a b.jpg", "a\\b.jpg", "r/%2e%2e", "r/é.jpg", "x".repeat(201)];

  it("refuses every invalid key in every operation, before touching the store", async () => {
    for (const bad of badKeys) {
      await expect(storage.put(bad, Buffer.from("x")), bad).rejects.toThrow(/Invalid media storage key/);
      await expect(storage.read(bad), bad).rejects.toThrow(/Invalid media storage key/);
      await expect(storage.exists(bad), bad).rejects.toThrow(/Invalid media storage key/);
      await expect(storage.remove(bad), bad).rejects.toThrow(/Invalid media storage key/);
    }
  });
});

describe("S3MediaStorage on the wire", () => {
  let server: TestS3Server;

  beforeAll(async () => {
    server = await startS3Server();
  });

  afterAll(async () => {
    await server?.close();
  });

  // Cloudflare R2 and Backblaze B2 refuse the CRC32 headers recent SDKs add by default.
  it("sends no flexible-checksum headers, and stores the content type and caching a public bucket serves", async () => {
    const storage = new S3MediaStorage(server.config);
    const k = key("960.webp");
    const before = server.requests.length;
    await storage.put(k, Buffer.from("webp bytes"));
    await storage.read(k);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => r.method)).toEqual(["PUT", "GET"]);
    for (const request of sent) {
      const names = Object.keys(request.headers);
      expect(names.filter((name) => name.startsWith("x-amz-checksum-") || name.startsWith("x-amz-sdk-checksum") || name === "x-amz-trailer")).toEqual([]);
      expect(request.headers["x-amz-checksum-mode"]).toBeUndefined();
    }
    const put = sent[0]!;
    expect(put.headers["content-type"]).toBe("image/webp");
    expect(put.headers["cache-control"]).toBe("public, max-age=600, must-revalidate");
    const original = `o/${randomBytes(32).toString("hex")}.png`;
    await storage.put(original, Buffer.from("png"));
    expect(server.requests.at(-1)!.headers["cache-control"]).toBe("private, no-store");
  });

  it("tells a missing bucket from a missing key, and a store that does not answer from both: 503 to try again", async () => {
    const noBucket = new S3MediaStorage({ ...server.config, bucket: "no-such-bucket" });
    await expect(noBucket.read(key("x.jpg"))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(noBucket.put(key("x.jpg"), Buffer.from("x"))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    const away = new S3MediaStorage({ ...server.config, endpoint: "http://127.0.0.1:9" });
    for (const attempt of [() => away.read(key("x.jpg")), () => away.exists(key("x.jpg")), () => away.put(key("x.jpg"), Buffer.from("x")), () => away.remove(key("x.jpg"))]) {
      await expect(attempt()).rejects.toMatchObject({ code: "UNAVAILABLE", message: "The picture store is not answering right now. Please try again in a moment." });
    }
  });

  it("reports a bucket that is not there when asked for it, not when a key is missing", async () => {
    await expect(new S3MediaStorage(server.config).checkBucket()).resolves.toBeUndefined();
    await expect(new S3MediaStorage({ ...server.config, bucket: "no-such-bucket" }).checkBucket()).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });
});
