import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_MEDIA_DIR, isValidStorageKey, LocalFolderStorage, resolveMediaDir } from "./storage";

let root: string;
let storage: LocalFolderStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pressbox-storage-"));
  storage = new LocalFolderStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("LocalFolderStorage", () => {
  it("stores, reads, checks and removes a file under a nested key", async () => {
    await storage.put("r/abc123-480.webp", Buffer.from("hello"));
    expect(await storage.exists("r/abc123-480.webp")).toBe(true);
    expect((await storage.read("r/abc123-480.webp"))?.toString()).toBe("hello");
    await storage.remove("r/abc123-480.webp");
    expect(await storage.exists("r/abc123-480.webp")).toBe(false);
  });

  it("answers null / false for a missing file and removes a missing file without error", async () => {
    expect(await storage.read("r/missing.webp")).toBeNull();
    expect(await storage.exists("r/missing.webp")).toBe(false);
    await expect(storage.remove("r/missing.webp")).resolves.toBeUndefined();
  });

  it("treats a folder as no file", async () => {
    await storage.put("r/x.webp", Buffer.from("x"));
    expect(await storage.read("r")).toBeNull();
    expect(await storage.exists("r")).toBe(false);
  });

  it("replaces a file whole and leaves no temporary files behind", async () => {
    await storage.put("o/a.jpg", Buffer.from("first"));
    await storage.put("o/a.jpg", Buffer.from("second version"));
    expect((await storage.read("o/a.jpg"))?.toString()).toBe("second version");
    expect(await allFiles(root)).toEqual([path.join("o", "a.jpg")]);
  });

  it("cleans up its temporary file when the final rename fails", async () => {
    await storage.put("r/inner.webp", Buffer.from("x"));
    // "r" is a folder, so renaming a file onto it fails after the temp file was written.
    await expect(storage.put("r", Buffer.from("y"))).rejects.toThrow();
    expect(await allFiles(root)).toEqual([path.join("r", "inner.webp")]);
  });

  it("keeps files inside its root folder", async () => {
    await storage.put("o/b.png", Buffer.from("b"));
    expect((await allFiles(root)).every((file) => !file.startsWith(".."))).toBe(true);
  });

  const badKeys = ["", "/etc/passwd", "../secret", "r/../../etc", "r/..", "R/Upper.jpg", "r//x.jpg", "r/.hidden", ".tmp", "r/x.jpg/", "a b.jpg", "a\\b.jpg", "r/%2e%2e", "r/é.jpg", "x".repeat(201)];

  it.each(badKeys)("refuses the key %j in every operation", async (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/Invalid media storage key/);
    await expect(storage.read(key)).rejects.toThrow(/Invalid media storage key/);
    await expect(storage.exists(key)).rejects.toThrow(/Invalid media storage key/);
    await expect(storage.remove(key)).rejects.toThrow(/Invalid media storage key/);
  });

  it("accepts the keys the media pipeline makes", () => {
    expect(isValidStorageKey("r/4bec6161782da89759fc06e8223fdce3-480.webp")).toBe(true);
    expect(isValidStorageKey(`o/${"a".repeat(64)}.jpg`)).toBe(true);
    expect(isValidStorageKey(123)).toBe(false);
  });
});

describe("resolveMediaDir", () => {
  it("defaults to ./data/media under the working directory and honours MEDIA_DIR", () => {
    expect(resolveMediaDir({})).toBe(path.resolve(DEFAULT_MEDIA_DIR));
    expect(resolveMediaDir({ MEDIA_DIR: "  " })).toBe(path.resolve(DEFAULT_MEDIA_DIR));
    expect(resolveMediaDir({ MEDIA_DIR: "/srv/media" })).toBe("/srv/media");
  });
});
