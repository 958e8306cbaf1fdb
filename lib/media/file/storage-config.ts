// Which media store this instance uses, read from the environment: the local folder (MEDIA_DIR,
// the default) or an S3-compatible bucket (MEDIA_STORAGE=s3). A mistake is refused with a message
// naming the variable, at startup (scripts/server.ts) and again at first use for anything started
// another way, never turned into a store that fails on every picture later.
import path from "node:path";

type Env = Record<string, string | undefined>;

export const DEFAULT_MEDIA_DIR = "./data/media";

export type S3StorageConfig = {
  kind: "s3";
  bucket: string;
  // Unset: the SDK's own lookup (AWS_REGION, the shared config file).
  region?: string;
  // Unset: AWS S3 itself.
  endpoint?: string;
  // Unset: the SDK's usual credential chain (AWS_* variables, profiles, instance or task roles).
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
};

export type MediaStorageConfig = { kind: "local"; dir: string } | S3StorageConfig;

export class MediaStorageConfigError extends Error {
  override readonly name = "MediaStorageConfigError";
}

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function resolveMediaDir(env: Env = process.env): string {
  return path.resolve(setting(env, "MEDIA_DIR") ?? DEFAULT_MEDIA_DIR);
}

export function mediaStorageKind(env: Env = process.env): "local" | "s3" {
  const kind = setting(env, "MEDIA_STORAGE")?.toLowerCase() ?? "local";
  if (kind !== "local" && kind !== "s3") throw new MediaStorageConfigError(`MEDIA_STORAGE must be "local" or "s3", not ${JSON.stringify(env.MEDIA_STORAGE)}`);
  return kind;
}

export function readMediaStorageConfig(env: Env = process.env): MediaStorageConfig {
  if (mediaStorageKind(env) === "local") return { kind: "local", dir: resolveMediaDir(env) };
  const bucket = setting(env, "S3_BUCKET");
  if (!bucket) throw new MediaStorageConfigError("MEDIA_STORAGE=s3 needs S3_BUCKET: the name of the bucket that holds the media files");
  const endpoint = setting(env, "S3_ENDPOINT");
  if (endpoint) checkHttpUrl("S3_ENDPOINT", endpoint, "the address of the S3-compatible service, e.g. https://<account>.r2.cloudflarestorage.com");
  return {
    kind: "s3",
    bucket,
    // Services other than AWS mostly ignore the region but the SDK must sign with one: R2 and MinIO
    // both accept us-east-1.
    region: setting(env, "S3_REGION") ?? (endpoint ? "us-east-1" : undefined),
    endpoint,
    credentials: readKeys(env),
    forcePathStyle: readFlag(env, "S3_FORCE_PATH_STYLE"),
  };
}

function readKeys(env: Env): S3StorageConfig["credentials"] {
  const accessKeyId = setting(env, "S3_ACCESS_KEY_ID");
  const secretAccessKey = setting(env, "S3_SECRET_ACCESS_KEY");
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId) throw new MediaStorageConfigError("S3_SECRET_ACCESS_KEY is set but S3_ACCESS_KEY_ID is not: set both, or neither to use the SDK's credential chain");
  if (!secretAccessKey) throw new MediaStorageConfigError("S3_ACCESS_KEY_ID is set but S3_SECRET_ACCESS_KEY is not: set both, or neither to use the SDK's credential chain");
  return { accessKeyId, secretAccessKey };
}

function readFlag(env: Env, name: string): boolean {
  const value = setting(env, name)?.toLowerCase();
  if (value === undefined || value === "false" || value === "0" || value === "no") return false;
  if (value === "true" || value === "1" || value === "yes") return true;
  throw new MediaStorageConfigError(`${name} must be true or false, not ${JSON.stringify(env[name])}`);
}

function checkHttpUrl(name: string, value: string, what: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below with what the variable is for.
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw new MediaStorageConfigError(`${name} must be an http(s) URL (${what}), not ${JSON.stringify(value)}`);
  return url;
}

// MEDIA_PUBLIC_BASE_URL: where readers' browsers fetch renditions instead of /media/ (a public
// bucket, or a CDN in front of it or of Pressbox's /media/ route). Without a trailing slash, so a
// rendition's address is `${base}/${key}`; null when unset.
export function mediaPublicBaseUrl(env: Env = process.env): string | null {
  const value = setting(env, "MEDIA_PUBLIC_BASE_URL");
  if (!value) return null;
  const url = checkHttpUrl("MEDIA_PUBLIC_BASE_URL", value, "the public address renditions are served from, e.g. https://media.example.com");
  if (url.search || url.hash || url.username || url.password)
    throw new MediaStorageConfigError(`MEDIA_PUBLIC_BASE_URL must be a plain base address without query, fragment or credentials, not ${JSON.stringify(value)}`);
  return url.toString().replace(/\/+$/, "");
}

// Every media setting at once: what the server checks before it starts listening.
export function assertMediaConfig(env: Env = process.env): void {
  readMediaStorageConfig(env);
  mediaPublicBaseUrl(env);
}
