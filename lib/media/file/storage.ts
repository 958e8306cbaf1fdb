// Where media files live. Everything above this file speaks in storage keys ("r/ab12…-960.webp"),
// never in paths, so the local folder and an object store are interchangeable: LocalFolderStorage
// here (MEDIA_DIR, the default) and S3MediaStorage (s3-storage.ts: AWS S3, Cloudflare R2, MinIO,
// Backblaze B2) when MEDIA_STORAGE=s3. Both check every key with assertStorageKey() first, so the
// same keys are valid in both; storage-contract.test.ts holds them to the same behaviour.
// getMediaStorage() is the one place that chooses between them (storage-config.ts reads the
// settings).
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { S3MediaStorage } from "./s3-storage";
import { readMediaStorageConfig, type S3StorageConfig } from "./storage-config";
import { assertStorageKey } from "./storage-keys";

export { assertStorageKey, isValidStorageKey } from "./storage-keys";
export { DEFAULT_MEDIA_DIR, resolveMediaDir } from "./storage-config";

export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  // The file's bytes, or null when nothing is stored under the key.
  read(key: string): Promise<Buffer | null>;
  // Removing a key that is not there is not an error (cleanup after a failure may race).
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
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

// One client per bucket setting for the life of the process: an S3Client keeps a pool of
// connections, which a client per request would throw away.
let s3Storage: { signature: string; storage: S3MediaStorage } | null = null;

function sharedS3Storage(config: S3StorageConfig): S3MediaStorage {
  const signature = JSON.stringify(config);
  if (s3Storage?.signature !== signature) s3Storage = { signature, storage: new S3MediaStorage(config) };
  return s3Storage.storage;
}

// Read the settings at call time, not import time, so tests and scripts can set them first. A
// mistaken setting throws MediaStorageConfigError naming the variable.
export function getMediaStorage(): MediaStorage {
  const config = readMediaStorageConfig();
  return config.kind === "s3" ? sharedS3Storage(config) : new LocalFolderStorage(config.dir);
}
