import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertMediaConfig, DEFAULT_MEDIA_DIR, mediaPublicBaseUrl, readMediaStorageConfig } from "./storage-config";

const S3 = { MEDIA_STORAGE: "s3", S3_BUCKET: "newsroom-media" };

describe("readMediaStorageConfig", () => {
  it("uses the local folder when MEDIA_STORAGE is unset, empty or local", () => {
    for (const env of [{}, { MEDIA_STORAGE: " " }, { MEDIA_STORAGE: "LOCAL", MEDIA_DIR: "/srv/media" }]) {
      expect(readMediaStorageConfig(env).kind).toBe("local");
    }
    expect(readMediaStorageConfig({})).toEqual({ kind: "local", dir: path.resolve(DEFAULT_MEDIA_DIR) });
    expect(readMediaStorageConfig({ MEDIA_DIR: "/srv/media" })).toEqual({ kind: "local", dir: "/srv/media" });
  });

  it("refuses an unknown MEDIA_STORAGE, naming the variable and the choices", () => {
    expect(() => readMediaStorageConfig({ MEDIA_STORAGE: "gcs" })).toThrow('MEDIA_STORAGE must be "local" or "s3", not "gcs"');
  });

  it("needs S3_BUCKET for MEDIA_STORAGE=s3 and says so", () => {
    expect(() => readMediaStorageConfig({ MEDIA_STORAGE: "s3" })).toThrow(/needs S3_BUCKET/);
    expect(() => readMediaStorageConfig({ MEDIA_STORAGE: "s3", S3_BUCKET: "  " })).toThrow(/needs S3_BUCKET/);
  });

  it("leaves region and credentials to the SDK's chain on AWS when they are not given", () => {
    expect(readMediaStorageConfig(S3)).toEqual({ kind: "s3", bucket: "newsroom-media", region: undefined, endpoint: undefined, credentials: undefined, forcePathStyle: false });
  });

  it("reads an S3-compatible service's endpoint, keys and path style, with us-east-1 as the signing region by default", () => {
    const config = readMediaStorageConfig({ ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_ACCESS_KEY_ID: "minio", S3_SECRET_ACCESS_KEY: "minio-secret", S3_FORCE_PATH_STYLE: "true" });
    expect(config).toEqual({
      kind: "s3",
      bucket: "newsroom-media",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      credentials: { accessKeyId: "minio", secretAccessKey: "minio-secret" },
      forcePathStyle: true,
    });
    expect(readMediaStorageConfig({ ...S3, S3_ENDPOINT: "https://acc.r2.cloudflarestorage.com", S3_REGION: "auto" })).toMatchObject({ region: "auto" });
  });

  it("refuses half a key pair, a malformed endpoint and a flag that is not true or false", () => {
    expect(() => readMediaStorageConfig({ ...S3, S3_ACCESS_KEY_ID: "id" })).toThrow(/S3_SECRET_ACCESS_KEY is not/);
    expect(() => readMediaStorageConfig({ ...S3, S3_SECRET_ACCESS_KEY: "secret" })).toThrow(/S3_ACCESS_KEY_ID is not/);
    expect(() => readMediaStorageConfig({ ...S3, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => readMediaStorageConfig({ ...S3, S3_FORCE_PATH_STYLE: "sometimes" })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
  });
});

describe("mediaPublicBaseUrl", () => {
  it("is null when unset and drops a trailing slash", () => {
    expect(mediaPublicBaseUrl({})).toBeNull();
    expect(mediaPublicBaseUrl({ MEDIA_PUBLIC_BASE_URL: "https://media.example.com/" })).toBe("https://media.example.com");
    expect(mediaPublicBaseUrl({ MEDIA_PUBLIC_BASE_URL: "https://cdn.example.com/pressbox/media" })).toBe("https://cdn.example.com/pressbox/media");
  });

  it("refuses anything but a plain http(s) base address", () => {
    for (const value of ["media.example.com", "javascript:alert(1)", "https://cdn.example.com/?v=1", "https://user:pw@cdn.example.com"]) {
      expect(() => mediaPublicBaseUrl({ MEDIA_PUBLIC_BASE_URL: value }), value).toThrow(/MEDIA_PUBLIC_BASE_URL must be/);
    }
  });

  it("is checked with the storage settings at startup", () => {
    expect(() => assertMediaConfig({ MEDIA_PUBLIC_BASE_URL: "ftp://x" })).toThrow(/MEDIA_PUBLIC_BASE_URL/);
    expect(() => assertMediaConfig({})).not.toThrow();
  });
});
