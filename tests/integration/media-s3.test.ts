// MEDIA_STORAGE=s3 end to end, on a real S3-compatible server (s3rver on a free port): a picture
// uploaded through POST /api/media/uploads is processed by sharp and stored in the bucket, not in
// MEDIA_DIR; its renditions come back through GET /media/… byte for byte, its original never does;
// deleting the picture removes its objects from the bucket.
import { readdir } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "../../app/api/media/uploads/route";
import { GET } from "../../app/media/[...key]/route";
import { db } from "../../lib/db";
import { deleteMedia } from "../../lib/media/delete-media";
import { S3MediaStorage } from "../../lib/media/file/s3-storage";
import { getMediaStorage, resolveMediaDir } from "../../lib/media/file/storage";
import { checkReadiness } from "../../lib/readiness";
import { createTestUser, signInAs, TEST_AUTH_SECRET, uniqueSuffix, type FakeRequest, type TestUser } from "../fixtures/accounts";
import { makeImage } from "../fixtures/images";
import { startS3Server, type TestS3Server } from "../fixtures/s3-server";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.31" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

let server: TestS3Server;
let bucket: S3MediaStorage;
let contributor: TestUser;
let editor: TestUser;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  server = await startS3Server();
  for (const [name, value] of Object.entries(server.env)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  bucket = new S3MediaStorage(server.config);
  contributor = await createTestUser("CONTRIBUTOR");
  editor = await createTestUser("EDITOR");
});

afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server?.close();
});

async function localFiles(): Promise<string[]> {
  const entries = await readdir(resolveMediaDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function upload(name: string, width: number, height: number): Promise<Response> {
  await signInAs(request, contributor);
  const form = new FormData();
  form.set("file", new File([new Uint8Array(await makeImage({ seed: `s3-${name}-${uniqueSuffix()}`, width, height }))], `${name}.jpg`, { type: "image/jpeg" }));
  return POST(new Request("http://test/api/media/uploads", { method: "POST", body: form }));
}

function getMedia(key: string): Promise<Response> {
  return GET(new Request(`http://test/media/${key}`), { params: Promise.resolve({ key: key.split("/") }) });
}

describe("media in an S3-compatible bucket", () => {
  it("chooses the bucket from MEDIA_STORAGE=s3 and reports it ready", async () => {
    expect(getMediaStorage()).toBeInstanceOf(S3MediaStorage);
    expect((await checkReadiness()).checks.storage).toMatchObject({ ok: true });
  });

  it("stores an upload's original and renditions in the bucket and serves the renditions through /media/", async () => {
    const localBefore = await localFiles();
    const response = await upload("stadium", 1700, 1100);
    expect(response.status).toBe(201);
    const { media } = (await response.json()) as { media: { id: string } };
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id }, include: { renditions: true } });
    expect(row.renditions.length).toBeGreaterThan(0);

    expect(await bucket.exists(row.storageKey)).toBe(true);
    for (const rendition of row.renditions) {
      const served = await getMedia(rendition.storageKey);
      expect(served.status, rendition.storageKey).toBe(200);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(bytes.equals((await bucket.read(rendition.storageKey))!), rendition.storageKey).toBe(true);
      const decoded = await sharp(bytes).metadata();
      expect({ width: decoded.width, format: decoded.format === "heif" ? "avif" : decoded.format }, rendition.storageKey).toEqual({ width: rendition.width, format: rendition.format });
    }
    // The original is in the bucket, but readers never get it.
    expect((await getMedia(row.storageKey)).status).toBe(404);
    // Nothing went to the local folder.
    expect(await localFiles()).toEqual(localBefore);

    await deleteMedia({ id: editor.id, role: editor.role, name: editor.name }, { id: row.id, version: row.version });
    for (const key of [row.storageKey, ...row.renditions.map((r) => r.storageKey)]) expect(await bucket.exists(key), key).toBe(false);
    expect((await getMedia(row.renditions[0]!.storageKey)).status).toBe(404);
  });

  it("answers 503 to try again, not 500, when the bucket's service does not answer", async () => {
    const uploaded = await upload("kept", 900, 600);
    expect(uploaded.status).toBe(201);
    const { media } = (await uploaded.json()) as { media: { id: string } };
    const rendition = await db.mediaRendition.findFirstOrThrow({ where: { mediaId: media.id } });
    const endpoint = process.env.S3_ENDPOINT;
    process.env.S3_ENDPOINT = "http://127.0.0.1:9";
    try {
      const response = await getMedia(rendition.storageKey);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const refused = await upload("away", 900, 600);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: string }).error).toMatch(/try again/);
      expect((await checkReadiness()).checks.storage).toMatchObject({ ok: false });
    } finally {
      process.env.S3_ENDPOINT = endpoint;
    }
  });
});
