// POST /api/media/uploads against a real database and media folder, signed in for real: accepted
// pictures get renditions without GPS or camera data and their credit pre-filled; refused files
// answer 413/415/422 with a message and leave no file and no row behind.
import { readdir } from "node:fs/promises";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "../../app/api/media/uploads/route";
import { db } from "../../lib/db";
import { sha256Hex } from "../../lib/media/file/process";
import { getMediaStorage, resolveMediaDir } from "../../lib/media/file/storage";
import { config as proxyConfig } from "../../proxy";
import { createTestUser, signInAs, TEST_AUTH_SECRET, uniqueSuffix, type FakeRequest, type TestUser } from "../fixtures/accounts";
import { HTML_PAGE, jpegHtmlPolyglot, oversizedJpeg, pixelBombPng, pngHtmlPolyglot, SVG_WITH_SCRIPT, truncatedJpeg } from "../fixtures/hostile-images";
import { makeImage, makeJpegWithMetadata } from "../fixtures/images";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.23" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

let contributor: TestUser;
let photographer: { id: string; name: string; agencyId: string | null };

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  contributor = await createTestUser("CONTRIBUTOR");
  const suffix = uniqueSuffix();
  const agency = await db.agency.create({ data: { name: `Upload Agency ${suffix}`, shortCredit: `UA ${suffix}`, creditFormat: "Photo by {photographer}/{agency}" } });
  photographer = await db.photographer.create({ data: { name: `Ines Upload ${suffix}`, agencyId: agency.id } });
});

function upload(bytes: Buffer, name: string, type = "image/jpeg", fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return POST(new Request("http://test/api/media/uploads", { method: "POST", body: form }));
}

async function storedFileCount(): Promise<number> {
  const entries = await readdir(resolveMediaDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

async function json(response: Response) {
  return (await response.json()) as { media?: Record<string, unknown> & { id: string }; error?: string; details?: { mediaId?: string } };
}

describe("POST /api/media/uploads: accepted pictures", () => {
  it("stores an agency JPEG with its credit pre-filled from IPTC, and renditions without GPS or camera data", async () => {
    await signInAs(request, contributor);
    const bytes = await makeJpegWithMetadata({
      seed: `agency-${uniqueSuffix()}`,
      width: 1800,
      height: 1200,
      byline: photographer.name,
      credit: "Unknown Wire/Getty Images",
      copyright: "Upload Agency 2026",
      caption: "The final lap",
      gps: { latitude: 52.37, longitude: 4.89 },
    });
    const response = await upload(bytes, "final-lap.jpg");
    expect(response.status).toBe(201);
    const { media } = await json(response);
    expect(media).toMatchObject({ originalName: "final-lap.jpg", defaultCaption: "The final lap", photographerName: photographer.name, problems: ["No alt text"] });
    expect(media!.credit).toContain(photographer.name);
    const row = await db.media.findUniqueOrThrow({ where: { id: media!.id }, include: { renditions: true } });
    expect(row).toMatchObject({ photographerId: photographer.id, agencyId: photographer.agencyId, copyright: "Upload Agency 2026", uploadedById: contributor.id, creditOverride: null });
    expect(row.renditions).toHaveLength(9);
    for (const rendition of row.renditions) {
      const file = (await getMediaStorage().read(rendition.storageKey))!;
      const meta = await sharp(file).metadata();
      expect({ exif: meta.exif, iptc: meta.iptc, xmp: meta.xmp }, rendition.storageKey).toEqual({ exif: undefined, iptc: undefined, xmp: undefined });
      expect(file.includes(Buffer.from(photographer.name)), rendition.storageKey).toBe(false);
    }
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityType: "Media", entityId: row.id, action: "media.create" } });
    expect(audit).toMatchObject({ actorId: contributor.id, ip: "198.51.100.23" });
    expect(audit.details).toMatchObject({ embedded: { byline: photographer.name, credit: "Unknown Wire/Getty Images" } });
  });

  it("uses the file's own credit line when neither photographer nor agency is in the lists", async () => {
    await signInAs(request, contributor);
    const bytes = await makeJpegWithMetadata({ seed: `stranger-${uniqueSuffix()}`, width: 600, height: 400, byline: "Jane Stranger", credit: "Nowhere Photos" });
    const { media } = await json(await upload(bytes, "stranger.jpg", "image/jpeg", { altText: "A runner" }));
    expect(media).toMatchObject({ credit: "Jane Stranger/Nowhere Photos", altText: "A runner", hasProblems: false });
  });

  it.each(["png", "webp", "avif"] as const)("accepts a %s, whatever the browser calls it", async (format) => {
    await signInAs(request, contributor);
    const bytes = await makeImage({ seed: `format-${format}-${uniqueSuffix()}`, width: 700, height: 500, format });
    const response = await upload(bytes, `picture.${format}`, "application/octet-stream");
    expect(response.status).toBe(201);
    expect((await json(response)).media).toMatchObject({ width: 700, height: 500 });
  });

  it("answers 409 naming the existing picture when the same file comes twice", async () => {
    await signInAs(request, contributor);
    const bytes = await makeImage({ seed: `twice-${uniqueSuffix()}`, width: 500, height: 300 });
    const first = await json(await upload(bytes, "once.jpg"));
    const again = await upload(bytes, "twice.jpg");
    expect(again.status).toBe(409);
    expect((await json(again)).details?.mediaId).toBe(first.media!.id);
  });

  // How fast is for `npm run bench`, not for a timed test: this one checks that it is done at all.
  it("processes a 24-megapixel camera JPEG into its renditions", async () => {
    await signInAs(request, contributor);
    const bytes = await makeImage({ seed: `big-${uniqueSuffix()}`, width: 6000, height: 4000, quality: 92 });
    const started = Date.now();
    const response = await upload(bytes, "big.jpg");
    const seconds = (Date.now() - started) / 1000;
    console.info(`24-megapixel JPEG (${(bytes.length / 1e6).toFixed(1)} MB) uploaded and processed in ${seconds.toFixed(2)} s`);
    expect(response.status).toBe(201);
    const { media } = await json(response);
    expect(await db.mediaRendition.count({ where: { mediaId: media!.id } })).toBe(9);
  }, 180_000);
});

describe("POST /api/media/uploads: refused files leave nothing behind", () => {
  const hostile: [string, () => Promise<Buffer>, string, number, RegExp][] = [
    ["an SVG with a script", async () => SVG_WITH_SCRIPT, "logo.svg", 415, /SVG/],
    ["an SVG named .jpg", async () => SVG_WITH_SCRIPT, "photo.jpg", 415, /SVG/],
    ["an HTML page named .jpg", async () => HTML_PAGE, "photo.jpg", 415, /not a picture/],
    ["a PNG with a page in a text chunk", () => pngHtmlPolyglot("text-chunk", `p1-${uniqueSuffix()}`), "poly.png", 415, /web-page code/],
    ["a PNG with a page after its end", () => pngHtmlPolyglot("after-end", `p2-${uniqueSuffix()}`), "poly.png", 415, /web-page code/],
    ["a JPEG with a page in a comment", () => jpegHtmlPolyglot(`p3-${uniqueSuffix()}`), "poly.jpg", 415, /web-page code/],
    ["a truncated JPEG", () => truncatedJpeg(`cut-${uniqueSuffix()}`), "cut.jpg", 422, /damaged or incomplete/],
    ["a pixel bomb", async () => pixelBombPng(), "bomb.png", 422, /400\.0 megapixels; the limit is 50\.0/],
    ["a file over 25 MB", () => oversizedJpeg(25 * 1024 * 1024, `big-${uniqueSuffix()}`), "huge.jpg", 413, /limit is 25\.0 MB/],
    ["an empty file", async () => Buffer.alloc(0), "empty.jpg", 422, /empty/],
  ];

  it.each(hostile)("refuses %s", async (_, make, name, status, message) => {
    await signInAs(request, contributor);
    const bytes = await make();
    const [files, rows] = [await storedFileCount(), await db.media.count()];
    const response = await upload(bytes, name);
    expect(response.status).toBe(status);
    expect((await json(response)).error).toMatch(message);
    expect(await storedFileCount()).toBe(files);
    expect(await db.media.count()).toBe(rows);
    expect(await db.media.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it.each(["../../etc/passwd.jpg", "..\\..\\windows\\photo.jpg", "photo\u0000.html"])("refuses a valid picture named %j", async (name) => {
    await signInAs(request, contributor);
    const bytes = await makeImage({ seed: `name-${uniqueSuffix()}`, width: 300, height: 200 });
    const files = await storedFileCount();
    const response = await upload(bytes, name);
    expect(response.status).toBe(422);
    expect((await json(response)).error).toMatch(/file name/);
    expect(await storedFileCount()).toBe(files);
    expect(await db.media.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it("answers 401 to visitors, 415 to a body that is not a form and 422 to a form without a file", async () => {
    await signInAs(request, null);
    expect((await upload(await makeImage({ seed: "anon", width: 100, height: 100 }), "a.jpg")).status).toBe(401);
    await signInAs(request, contributor);
    const notForm = await POST(new Request("http://test/api/media/uploads", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(notForm.status).toBe(415);
    const noFile = new FormData();
    noFile.set("altText", "nothing");
    expect((await POST(new Request("http://test/api/media/uploads", { method: "POST", body: noFile }))).status).toBe(422);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    await signInAs(request, contributor);
    const body = new ReadableStream({
      pull: () => {
        throw new Error("the body must not be read");
      },
    });
    const response = await POST(
      new Request("http://test/api/media/uploads", {
        method: "POST",
        body,
        duplex: "half",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) },
      } as RequestInit),
    );
    expect(response.status).toBe(413);
  });
});

describe("the upload address", () => {
  it("stays out of proxy.ts, which would cut bodies over 10 MB short", async () => {
    // Imported here: loading Next's testing helpers early breaks later tests (AsyncLocalStorage).
    const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/api/media/uploads" })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/api/media" })).toBe(true);
  });
});
