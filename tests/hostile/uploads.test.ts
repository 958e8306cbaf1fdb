// Issue 7, hostile uploads: the real upload route (POST /api/media/uploads, called as a function
// with real multipart requests, signed in as an editor) on its own SQLite database and media
// folder. Every hostile upload (see upload-cases.ts) gets its 4xx status and a message a person
// can act on, and leaves no Media row, no file under MEDIA_DIR and nothing outside it; every valid
// picture is accepted with its renditions stored inside MEDIA_DIR.
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeRequest } from "../fixtures/accounts";
import { makeImage } from "../fixtures/images";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { formRequest, hostileUploads, validUploads, type HostileUpload } from "./upload-cases";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.77" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

type App = {
  POST: (request: Request) => Promise<Response>;
  db: typeof import("../../lib/db").db;
  storage: ReturnType<typeof import("../../lib/media/file/storage").getMediaStorage>;
};

let database: TestDatabase;
let app: App;
const accepted = { hostile: [] as string[], valid: [] as string[] };
const tried = { hostile: 0, valid: 0 };

// lib/db reads DATABASE_URL when first imported: the app is loaded only once the env names ours.
beforeAll(async () => {
  database = await createSqliteDatabase("hostile-uploads");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  const accounts = await import("../fixtures/accounts");
  process.env.NEXTAUTH_SECRET = accounts.TEST_AUTH_SECRET;
  const [{ POST }, { db }, { getMediaStorage }] = await Promise.all([import("../../app/api/media/uploads/route"), import("../../lib/db"), import("../../lib/media/file/storage")]);
  app = { POST, db, storage: getMediaStorage() };
  await accounts.signInAs(request, await accounts.createTestUser("EDITOR"));
});

afterAll(async () => {
  await app?.db.$disconnect();
  if (database) removeDir(database.dir);
});

// Every file under `dir` with its size; the database's own files are left out.
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith("pressbox.db"));
  const sized = await Promise.all(
    files.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return `${path.relative(dir, full)} ${(await stat(full)).size}`;
    }),
  );
  return sized.sort();
}

// Where a name used as a path would have put the file: beside or above the media folder, or
// relative to the working directory.
function landingSpots(name: string): string[] {
  const asPath = name.replaceAll("\\", "/").split("\u0000")[0];
  return [database.mediaDir, path.join(database.mediaDir, "o"), process.cwd()].map((base) => path.resolve(base, asPath));
}

async function send(build: () => Promise<Request>): Promise<{ status: number; body: { error?: string; media?: { id: string } & Record<string, unknown> } }> {
  const response = await app.POST(await build());
  return { status: response.status, body: (await response.json()) as never };
}

describe("hostile uploads: refused, leaving nothing behind", () => {
  it.each(hostileUploads().map((upload) => [upload.label, upload] as const))("refuses %s", async (_, upload: HostileUpload) => {
    const spots = (upload.names ?? []).flatMap(landingSpots).filter((spot) => !existsSync(spot));
    const [before, rows] = [await tree(database.dir), await app.db.media.count()];
    tried.hostile++;
    const { status, body } = await send(upload.request);
    if (status < 300) accepted.hostile.push(upload.label);
    expect({ status, error: body.error }).toMatchObject({ status: upload.status, error: expect.stringMatching(upload.message) });
    expect(await app.db.media.count()).toBe(rows);
    expect(await tree(database.dir)).toEqual(before);
    expect(spots.filter((spot) => existsSync(spot))).toEqual([]);
  });

  it("takes only the first file of a form: a page sent second is never stored", async () => {
    const picture = await makeImage({ seed: "h-first-of-two", width: 320, height: 200 });
    const page = Buffer.from("<html><body><script>alert('second file')</script></body></html>");
    const { status, body } = await send(async () =>
      formRequest([
        { bytes: picture, name: "first.jpg" },
        { bytes: page, name: "second.jpg" },
      ]),
    );
    expect(status).toBe(201);
    const row = await app.db.media.findUniqueOrThrow({ where: { id: body.media!.id } });
    expect(row.originalName).toBe("first.jpg");
    const stored = await Promise.all((await tree(database.mediaDir)).map((entry) => readFile(path.join(database.mediaDir, entry.split(" ")[0]))));
    expect(stored.filter((bytes) => bytes.includes("second file"))).toEqual([]);
  });
});

describe("valid uploads: accepted with renditions", () => {
  it.each(validUploads().map((upload) => [upload.label, upload] as const))("accepts %s", async (label, upload) => {
    const bytes = await upload.make();
    const outside = (await tree(database.dir)).filter((entry) => !entry.startsWith("media"));
    tried.valid++;
    const { status, body } = await send(async () => formRequest([{ bytes, name: upload.name, type: upload.type }]));
    expect({ status, error: body.error }).toEqual({ status: 201, error: undefined });
    accepted.valid.push(label);
    expect(body.media).toMatchObject(upload.expected ?? {});
    const row = await app.db.media.findUniqueOrThrow({ where: { id: body.media!.id }, include: { renditions: true } });
    expect(row.renditions.length).toBeGreaterThanOrEqual(3);
    for (const key of [row.storageKey, ...row.renditions.map((rendition) => rendition.storageKey)]) {
      expect(await app.storage.exists(key), key).toBe(true);
    }
    expect((await tree(database.dir)).filter((entry) => !entry.startsWith("media"))).toEqual(outside);
  });
});

describe("uploads: the count", () => {
  it("accepted no hostile upload and every valid one", () => {
    console.log(`uploads: ${tried.hostile} hostile tried, ${accepted.hostile.length} accepted; ${tried.valid} valid tried, ${accepted.valid.length} accepted`);
    expect(accepted.hostile).toEqual([]);
    expect(accepted.valid).toHaveLength(tried.valid);
  });
});
