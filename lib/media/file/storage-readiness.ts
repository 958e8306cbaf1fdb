// The media store's part of /readyz: can this instance store an upload right now? For a bucket,
// HeadBucket (it exists and these credentials reach it); for the local folder, a small file written
// and removed (a read-only mount, a full disk or a wrong owner all show here, not only in uploads).
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Check } from "../../readiness";
import { S3MediaStorage } from "./s3-storage";
import { getMediaStorage, LocalFolderStorage, type MediaStorage } from "./storage";

const CHECK_WAIT_MS = 3_000;

export async function checkMediaStorage(choose: () => MediaStorage = getMediaStorage): Promise<Check> {
  const started = Date.now();
  try {
    // Inside the try: a mistaken setting (MediaStorageConfigError) is reported, not thrown.
    const storage = choose();
    await withTimeout(probe(storage), CHECK_WAIT_MS);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, message: `The media store cannot be used: ${explain(error)}` };
  }
}

async function probe(storage: MediaStorage): Promise<void> {
  if (storage instanceof S3MediaStorage) return storage.checkBucket();
  if (storage instanceof LocalFolderStorage) return probeFolder(storage.root);
}

// The name starts with a dot, which no storage key may: it can never collide with a picture.
async function probeFolder(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  const probeFile = path.join(root, `.ready-${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(probeFile, "ok", { flag: "wx" });
  } finally {
    await rm(probeFile, { force: true });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  // HeadBucket has no body, so the SDK's message is often just "UnknownError" or "NotFound".
  if (status === 404) return "the bucket does not exist (S3_BUCKET)";
  if (status === 403) return "access to the bucket was refused (check the credentials and the bucket's policy)";
  return `${error.name === "Error" ? "" : `${error.name}: `}${error.message.trim().split("\n").at(-1)}`;
}
