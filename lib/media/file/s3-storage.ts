// Media files in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Backblaze B2): the same
// four operations and the same keys as the local folder, one request each. A PUT replaces an object
// whole, so a reader never sees half a file, as with the local store's rename.
import "server-only";
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { AppError } from "../../errors";
import { contentTypeForKey } from "./formats";
import { publicRenditionCacheControl } from "./cache-policy";
import { assertStorageKey, isRenditionKey } from "./storage-keys";
import type { MediaStorage } from "./storage";
import type { S3StorageConfig } from "./storage-config";

// How long one request may take before it fails (a wedged connection must not hang an upload).
const REQUEST_TIMEOUT_MS = 30_000;

// GetObject names a missing key NoSuchKey (a missing bucket is NoSuchBucket, which is not "no
// file" but a broken setting). HeadObject has no body to say which, so any 404 there means no file.
function isMissingKey(error: unknown, isHead: boolean): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return isHead ? error.$metadata?.httpStatusCode === 404 : error.name === "NoSuchKey";
}

// The store being away (network, timeout, 5xx, throttling, refused credentials) is not a bug in the
// request: the person gets a 503 and a message to try again; the cause goes to the server's log.
function storeUnavailable(operation: string, key: string, error: unknown): AppError {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[media] S3 ${operation} ${key} failed: ${cause}`);
  return new AppError("UNAVAILABLE", "The picture store is not answering right now. Please try again in a moment.");
}

export function makeS3Client(config: S3StorageConfig): S3Client {
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
  private readonly client: S3Client;

  constructor(config: S3StorageConfig, client: S3Client = makeS3Client(config)) {
    this.bucket = config.bucket;
    this.client = client;
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
      await this.client.send(new PutObjectCommand(object));
    } catch (error) {
      throw storeUnavailable("put", key, error);
    }
  }

  async read(key: string): Promise<Buffer | null> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
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
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw storeUnavailable("remove", key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissingKey(error, true)) return false;
      throw storeUnavailable("exists", key, error);
    }
  }

  // For /readyz: the bucket is there and these credentials may use it.
  async checkBucket(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}
