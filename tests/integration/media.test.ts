// createMedia and the public media route against a real database and media folder
// (DATABASE_URL and MEDIA_DIR come from the integration harness).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/media/[...key]/route";
import { formatCredit } from "../../lib/credits/format";
import { db } from "../../lib/db";
import { isAppError } from "../../lib/errors";
import { createMedia } from "../../lib/media/commands";
import { sha256Hex } from "../../lib/media/file/process";
import type { MediaInput } from "../../lib/media/schema";
import { getMediaStorage, type MediaStorage } from "../../lib/media/file/storage";
import { makeImage, makeJpegWithMetadata, svgBytes } from "../fixtures/images";

let photographerId: string;
let agencyId: string;

beforeAll(async () => {
  // Unique names: the database is shared with the other integration files of the run.
  const suffix = randomUUID().slice(0, 8);
  const agency = await db.agency.create({
    data: { name: `Test Agency ${suffix}`, shortCredit: "Getty", creditFormat: "Photo by {photographer}/{agency}/{distributor}", distributor: "Getty Images" },
  });
  agencyId = agency.id;
  photographerId = (await db.photographer.create({ data: { name: "Douwe Bijlsma", agencyId } })).id;
});

function input(bytes: Buffer, overrides: Partial<MediaInput> = {}): MediaInput {
  return { bytes, originalName: "C:\\fakepath\\pursuit-final.jpg", altText: "A skater in tears", defaultCaption: "After the final", photographerId, ...overrides };
}

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!error) throw new Error("expected the call to fail");
  return error as Error & { code?: string; details?: { mediaId?: string } };
}

// Every key a set of bytes would be stored under, whether or not it got there.
async function keysOf(bytes: Buffer, widths = [480, 960, 1600]): Promise<string[]> {
  const sha = sha256Hex(bytes);
  return [`o/${sha}.jpg`, ...widths.flatMap((w) => ["avif", "webp", "jpg"].map((ext) => `r/${sha.slice(0, 32)}-${w}.${ext}`))];
}

async function storedKeys(keys: string[], storage: MediaStorage = getMediaStorage()): Promise<string[]> {
  const present = await Promise.all(keys.map((key) => storage.exists(key)));
  return keys.filter((_, index) => present[index]);
}

describe("createMedia", () => {
  it("stores the original and its renditions, creates the rows in one go and audits the upload", async () => {
    const bytes = await makeJpegWithMetadata({ seed: `create-${randomUUID()}`, width: 2000, height: 1200, byline: "Douwe Bijlsma", gps: { latitude: 39.9, longitude: 116.4 } });
    const media = await createMedia(db, input(bytes, { rightsExpireAt: "2031-01-01T00:00:00Z" }), { actor: null, ip: "203.0.113.9" });
    expect(media).toMatchObject({ originalName: "pursuit-final.jpg", mimeType: "image/jpeg", width: 2000, height: 1200, bytes: bytes.length, sha256: sha256Hex(bytes), agencyId, photographerId });
    expect(media.rightsExpireAt?.toISOString()).toBe("2031-01-01T00:00:00.000Z");
    expect(media.renditions.map((r) => `${r.format}-${r.width}`).sort()).toEqual(["avif-1600", "avif-480", "avif-960", "jpeg-1600", "jpeg-480", "jpeg-960", "webp-1600", "webp-480", "webp-960"]);
    expect(await storedKeys(await keysOf(bytes))).toEqual(await keysOf(bytes));
    const audit = await db.auditEntry.findFirst({ where: { entityType: "Media", entityId: media.id } });
    expect(audit).toMatchObject({ action: "media.create", actorId: null, ip: "203.0.113.9" });
    const withCredit = await db.media.findUniqueOrThrow({ where: { id: media.id }, include: { photographer: true, agency: true } });
    expect(formatCredit(withCredit)).toEqual({ short: "Image: Getty", full: `Photo by Douwe Bijlsma/${withCredit.agency?.name}/Getty Images` });
  });

  it("refuses the same picture twice, naming the existing record, and leaves its files alone", async () => {
    const bytes = await makeImage({ seed: `duplicate-${randomUUID()}`, width: 900, height: 600 });
    const first = await createMedia(db, input(bytes), { actor: null });
    const error = await errorOf(createMedia(db, input(bytes, { altText: "again" }), { actor: null }));
    expect(error).toMatchObject({ code: "CONFLICT", details: { mediaId: first.id } });
    const keys = [first.storageKey, ...first.renditions.map((r) => r.storageKey)];
    expect(await storedKeys(keys)).toEqual(keys);
  });

  it("lets one of two simultaneous uploads of the same picture win, without deleting the winner's files", async () => {
    const bytes = await makeImage({ seed: `race-${randomUUID()}`, width: 1000, height: 600 });
    const results = await Promise.allSettled([createMedia(db, input(bytes), { actor: null }), createMedia(db, input(Buffer.from(bytes)), { actor: null })]);
    const winners = results.filter((r) => r.status === "fulfilled");
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => (r.reason as { code?: string }).code)).toEqual(["CONFLICT"]);
    const keys = await keysOf(bytes, [480, 960, 1000]);
    expect(await storedKeys(keys)).toEqual(keys);
  });

  it("leaves no files and no rows behind when the database write fails", async () => {
    const bytes = await makeImage({ seed: `db-failure-${randomUUID()}`, width: 1700, height: 900 });
    // A user id that does not exist: the insert fails on its foreign key inside the transaction.
    const error = await errorOf(createMedia(db, input(bytes, { uploadedById: "c".repeat(25) }), { actor: null }));
    expect(isAppError(error)).toBe(false);
    expect(await storedKeys(await keysOf(bytes))).toEqual([]);
    expect(await db.media.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it("removes the files it wrote when storage fails part-way", async () => {
    const bytes = await makeImage({ seed: `storage-failure-${randomUUID()}`, width: 1700, height: 900 });
    const real = getMediaStorage();
    let puts = 0;
    const flaky: MediaStorage = {
      ...real,
      exists: (key) => real.exists(key),
      read: (key) => real.read(key),
      remove: (key) => real.remove(key),
      put: async (key, data) => {
        if (++puts === 4) throw new Error("disk full");
        await real.put(key, data);
      },
    };
    await expect(createMedia(db, input(bytes), { actor: null, storage: flaky })).rejects.toThrow("disk full");
    expect(await storedKeys(await keysOf(bytes))).toEqual([]);
    expect(await db.media.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it("refuses bad input with INVALID before writing anything", async () => {
    const svg = svgBytes({ seed: "hostile" });
    expect(await errorOf(createMedia(db, input(svg), { actor: null }))).toMatchObject({ code: "INVALID", message: expect.stringMatching(/SVG/) });
    const bytes = await makeImage({ seed: `invalid-${randomUUID()}`, width: 600, height: 400 });
    const unknownPhotographer = await errorOf(createMedia(db, input(bytes, { photographerId: "p".repeat(25) }), { actor: null }));
    expect(unknownPhotographer).toMatchObject({ code: "INVALID", message: expect.stringMatching(/photographer/) });
    expect(await errorOf(createMedia(db, input(bytes, { originalName: "  " }), { actor: null }))).toMatchObject({ code: "INVALID" });
    expect(await errorOf(createMedia(db, input(bytes, { rightsExpireAt: "next tuesday" }), { actor: null }))).toMatchObject({ code: "INVALID" });
    expect(await storedKeys(await keysOf(bytes))).toEqual([]);
  });
});

describe("GET /media/[...key]", () => {
  const get = (key: string[]) => GET(new Request(`http://test/media/${key.join("/")}`), { params: Promise.resolve({ key }) });

  // Issue 17 changed the caching: a year of "immutable" kept a withdrawn picture in readers'
  // caches; now 10 minutes, then revalidation by ETag (see app/media/[...key]/route.ts).
  it("serves a rendition with its type, short caching with revalidation, and nosniff", async () => {
    const media = await createMedia(db, input(await makeImage({ seed: `route-${randomUUID()}`, width: 1000, height: 700 })), { actor: null });
    const webp = media.renditions.find((r) => r.format === "webp")!;
    const response = await get(webp.storageKey.split("/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=600, must-revalidate");
    const etag = response.headers.get("etag")!;
    expect(etag).toBe(`"${webp.storageKey.split("/").at(-1)}"`);
    const revalidated = await GET(new Request(`http://test/media/${webp.storageKey}`, { headers: { "if-none-match": etag } }), { params: Promise.resolve({ key: webp.storageKey.split("/") }) });
    expect(revalidated.status).toBe(304);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals((await getMediaStorage().read(webp.storageKey))!)).toBe(true);
    const jpeg = media.renditions.find((r) => r.format === "jpeg")!;
    expect((await get(jpeg.storageKey.split("/"))).headers.get("content-type")).toBe("image/jpeg");
    const avif = media.renditions.find((r) => r.format === "avif")!;
    expect((await get(avif.storageKey.split("/"))).headers.get("content-type")).toBe("image/avif");
  });

  it("answers 410 for a picture whose rights have expired and 404 once it is deleted, even revalidating", async () => {
    const media = await createMedia(db, input(await makeImage({ seed: `route-takedown-${randomUUID()}`, width: 800, height: 500 })), { actor: null });
    const key = media.renditions[0].storageKey.split("/");
    expect((await get(key)).status).toBe(200);
    await db.media.update({ where: { id: media.id }, data: { rightsExpireAt: new Date(Date.now() - 1000) } });
    const withdrawn = await get(key);
    expect(withdrawn.status).toBe(410);
    expect(withdrawn.headers.get("cache-control")).toBe("no-store");
    await db.media.delete({ where: { id: media.id } });
    expect((await get(key)).status).toBe(404);
  });

  it("answers 404 in plain text for originals, unknown keys and hostile paths, never 500", async () => {
    const media = await createMedia(db, input(await makeImage({ seed: `route-404-${randomUUID()}`, width: 800, height: 500 })), { actor: null });
    const cases = [media.storageKey.split("/"), ["r", "0000-480.webp"], ["r"], [], ["..", "..", "etc", "passwd"], ["r", "..", "o"], ["R", "X.WEBP"], ["r", "x.svg"], ["r", "a\u0000b.webp"], ["r", "%2e%2e"]];
    for (const key of cases) {
      const response = await get(key);
      expect(response.status, JSON.stringify(key)).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });
});
