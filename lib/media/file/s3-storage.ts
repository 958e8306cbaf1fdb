// Media files in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Backblaze B2): the same
// four operations and the same keys as the local folder, one request each. A PUT replaces an object
// whole, so a reader never sees half a file, as with the local store's rename.
//
// The SDK is loaded on first use, not on import: a server on local storage never pays its ~300 ms
// and ~20 MB (nor, on Node 20, its end-of-support warning).
import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import { AppError } from "../../errors";
import { contentTypeForKey } from "./formats";
import { publicRenditionCacheControl } from "./cache-policy";
import { assertStorageKey, isRenditionKey } from "./storage-keys";
import type { MediaStorage } from "./storage";
import type { S3StorageConfig } from "./storage-config";

// How long one request may take before it fails (a wedged connection must not hang an upload).
const REQUEST_TIMEOUT_MS = 30_000;

type Sdk = typeof import("@aws-sdk/client-s3");
let sdk: Promise<Sdk> | null = null;

function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-s3");
  return sdk;
}

// GetObject names a missing key NoSuchKey (a missing bucket is NoSuchBucket, which is not "no
// file" but a broken setting). HeadObject has no body to say which, so any 404 there means no file.
function isMissingKey(error: unknown, isHead: boolean): boolean {
  const failure = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  return isHead ? failure?.$metadata?.httpStatusCode === 404 : failure?.name === "NoSuchKey";
}

// The store being away (network, timeout, 5xx, throttling, refused credentials) is not a bug in the
// request: the person gets a 503 and a message to try again; the cause goes to the server's log.
function storeUnavailable(operation: string, key: string, error: unknown): AppError {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[media] S3 ${operation} ${key} failed: ${cause}`);
  return new AppError("UNAVAILABLE", "The picture store is not answering right now. Please try again in a moment.");
}

async function makeS3Client(config: S3StorageConfig): Promise<S3Client> {
  const { S3Client } = await loadSdk();
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Since 3.729 the SDK adds CRC32 checksum headers to every upload and asks for checksums back
    // by default. R2, B2 and older MinIO releases refuse or mishandle those headers, so checksums
    // are sent only where the S3 API requires them; TLS already protects the bytes in transit.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: 5_000 },
  });
}

export class S3MediaStorage implements MediaStorage {
  readonly bucket: string;
  private readonly config: S3StorageConfig;
  private client: Promise<S3Client> | null = null;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.config = config;
  }

  private async connect(): Promise<{ commands: Sdk; client: S3Client }> {
    this.client ??= makeS3Client(this.config);
    return { commands: await loadSdk(), client: await this.client };
  }

  // The content type and caching go with the object, because a public bucket or CDN serves it
  // with exactly those headers (MEDIA_PUBLIC_BASE_URL): the same as Pressbox's /media/ route.
  async put(key: string, bytes: Uint8Array): Promise<void> {
    assertStorageKey(key);
    const object = {
      Bucket: this.bucket,
      Key: key,
      Body: bytes,
      ContentLength: bytes.byteLength,
      ContentType: contentTypeForKey(key) ?? "application/octet-stream",
      CacheControl: isRenditionKey(key) ? publicRenditionCacheControl() : "private, no-store",
    };
    try {
      const { commands, client } = await this.connect();
      await client.send(new commands.PutObjectCommand(object));
    } catch (error) {
      throw storeUnavailable("put", key, error);
    }
  }

  async read(key: string): Promise<Buffer | null> {
    assertStorageKey(key);
    try {
      const { commands, client } = await this.connect();
      const object = await client.send(new commands.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return Buffer.alloc(0);
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (isMissingKey(error, false)) return null;
      throw storeUnavailable("read", key, error);
    }
  }

  // DeleteObject answers 204 whether or not the key was there.
  async remove(key: string): Promise<void> {
    assertStorageKey(key);
    try {
      const { commands, client } = await this.connect();
      await client.send(new commands.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw storeUnavailable("remove", key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      const { commands, client } = await this.connect();
      await client.send(new commands.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissingKey(error, true)) return false;
      throw storeUnavailable("exists", key, error);
    }
  }

  // For /readyz: the bucket is there and these credentials may use it.
  async checkBucket(): Promise<void> {
    const { commands, client } = await this.connect();
    await client.send(new commands.HeadBucketCommand({ Bucket: this.bucket }));
  }
}
