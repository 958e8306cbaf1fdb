// Where media files live. Everything above this file speaks in storage keys ("r/ab12…-960.webp"),
// never in paths, so the local folder can be swapped for an object store.
//
// An S3-compatible store (AWS S3, Cloudflare R2, MinIO, Backblaze B2) plugs in by implementing the
// same four methods with @aws-sdk/client-s3: put → PutObjectCommand (one request, so atomic: readers
// never see half an object), read → GetObjectCommand (NoSuchKey → null), remove → DeleteObjectCommand
// (already idempotent), exists → HeadObjectCommand (NotFound → false). Keep assertStorageKey() at the
// top of each method: the same keys must be valid in both stores. getMediaStorage() is the one place
// that would choose between them (e.g. on MEDIA_S3_BUCKET).
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";

export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  // The file's bytes, or null when nothing is stored under the key.
  read(key: string): Promise<Buffer | null>;
  // Removing a key that is not there is not an error (cleanup after a failure may race).
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const DEFAULT_MEDIA_DIR = "./data/media";
const MAX_KEY_LENGTH = 200;
// Lower-case letters, digits and ". _ -" in "/"-separated segments. A segment may not start with a
// dot, which rules out "..", hidden files and this store's own temporary files.
const KEY_PATTERN = /^[a-z0-9_-][a-z0-9._-]*(\/[a-z0-9_-][a-z0-9._-]*)*$/;

export function isValidStorageKey(key: unknown): key is string {
  return typeof key === "string" && key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key) && !key.includes("..");
}

export function assertStorageKey(key: unknown): asserts key is string {
  if (!isValidStorageKey(key)) {
    throw new Error(`Invalid media storage key ${JSON.stringify(String(key)).slice(0, 80)}`);
  }
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

export class LocalFolderStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const full = path.join(this.root, key);
    // Belt and braces: the key pattern already keeps paths inside the root.
    if (!full.startsWith(this.root + path.sep)) throw new Error("Media storage key escapes the media folder");
    return full;
  }

  // Temp file in the same folder, fsync, rename: a reader (or a crash) sees the old file or the
  // whole new one, never a torn write, because rename within one file system is atomic.
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true });
    const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    const file = await open(temp, "wx");
    try {
      await file.writeFile(bytes);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncFolder(folder);
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissingFileError(error)) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissingFileError(error)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissingFileError(error)) return false;
      throw error;
    }
  }
}

// Makes the rename itself durable. Some platforms (Windows) cannot open a folder: skip there.
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Durability of the directory entry is best effort; the file data itself was already synced.
  } finally {
    await handle?.close();
  }
}

export function resolveMediaDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.MEDIA_DIR?.trim();
  return path.resolve(dir ? dir : DEFAULT_MEDIA_DIR);
}

// Read MEDIA_DIR at call time, not import time, so tests and scripts can set it first.
export function getMediaStorage(): MediaStorage {
  return new LocalFolderStorage(resolveMediaDir());
}
