// What tests/hostile/uploads.test.ts sends to POST /api/media/uploads: files and forms a newsroom
// must never store (disguised web pages, polyglots, SVG, formats we do not serve, pixel bombs,
// broken and oversized files, hostile names, multipart tricks), each with the status and message
// it must get, and valid pictures of every kind a camera or an agency sends. All built locally.
import { gzipSync } from "node:zlib";
import sharp, { type Color, type Sharp } from "sharp";
import { HTML_PAGE, jpegHtmlPolyglot, oversizedJpeg, pixelBombPng, pngHtmlPolyglot, SVG_WITH_SCRIPT, truncatedJpeg } from "../fixtures/hostile-images";
import { makeImage, makeJpegWithMetadata, svgBytes, type FixtureFormat } from "../fixtures/images";

export const UPLOAD_URL = "http://test/api/media/uploads";
const LIMIT = 25 * 1024 * 1024;
const SCRIPT = "<script>alert(document.domain)</script>";

export type FilePart = { field?: string; bytes: Buffer; name: string; type?: string };
export type HostileUpload = { label: string; status: number; message: RegExp; names?: string[]; request: () => Promise<Request> };
export type ValidUpload = { label: string; name: string; type?: string; make: () => Promise<Buffer>; expected?: Record<string, unknown> };

export function formRequest(files: FilePart[], fields: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const file of files) form.append(file.field ?? "file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "image/jpeg" }));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return new Request(UPLOAD_URL, { method: "POST", body: form });
}

// A hand-written multipart body, for what FormData will not produce. (A long boundary, as browsers
// send: Node 20's form parser misreads bodies whose one-letter boundary appears in the data.)
const BOUNDARY = "----pressbox-hostile-7c1f0e";

function rawRequest(body: string | Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`): Request {
  return new Request(UPLOAD_URL, { method: "POST", body: new Uint8Array(Buffer.from(body)), headers: { "content-type": contentType } });
}

function rawPart(disposition: string, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: image/jpeg\r\n\r\n`), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}

const jpeg = (seed: string, width = 320, height = 200) => makeImage({ seed, width, height });
const svgImage = (seed: string, width = 400, height = 300) => sharp(svgBytes({ seed, width, height }));

function file(label: string, status: number, message: RegExp, make: () => Buffer | Promise<Buffer>, name = "photo.jpg", type = "image/jpeg"): HostileUpload {
  return { label, status, message, names: [name], request: async () => formRequest([{ bytes: await make(), name, type }]) };
}

// ---- builders for hostile files the shared fixtures do not have ----

function withHtmlAfter(bytes: Buffer): Buffer {
  return Buffer.concat([bytes, Buffer.from(`<html><body>${SCRIPT}</body></html>`)]);
}

function bmp(): Buffer {
  const header = Buffer.alloc(54);
  header.write("BM", 0, "latin1");
  header.writeUInt32LE(54 + 16, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(16, 34);
  return Buffer.concat([header, Buffer.alloc(16, 0x7f)]);
}

// A real picture whose header claims another size: the decoder would allocate for that size.
async function jpegClaiming(side: number, seed: string): Promise<Buffer> {
  const bytes = Buffer.from(await jpeg(seed));
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  bytes.writeUInt16BE(side, sof + 5);
  bytes.writeUInt16BE(side, sof + 7);
  return bytes;
}

// Lossy WebP: "RIFF", size, "WEBP", "VP8 " chunk; its frame header holds 14-bit width and height.
async function webpClaiming(side: number, seed: string): Promise<Buffer> {
  const bytes = Buffer.from(await makeImage({ seed, width: 320, height: 200, format: "webp" }));
  if (bytes.toString("latin1", 12, 16) !== "VP8 ") throw new Error("expected a simple lossy WebP");
  bytes.writeUInt16LE(side, 26);
  bytes.writeUInt16LE(side, 28);
  return bytes;
}

async function avifClaiming(side: number, seed: string): Promise<Buffer> {
  const bytes = Buffer.from(await makeImage({ seed, width: 320, height: 200, format: "avif" }));
  const ispe = bytes.indexOf("ispe", 0, "latin1");
  bytes.writeUInt32BE(side, ispe + 8);
  bytes.writeUInt32BE(side, ispe + 12);
  return bytes;
}

async function truncated(format: FixtureFormat, seed: string): Promise<Buffer> {
  const bytes = await makeImage({ seed, width: 900, height: 600, format });
  return bytes.subarray(0, Math.floor(bytes.length * 0.55));
}

// ---- the hostile set ----

const disguised = (): HostileUpload[] => [
  file("an HTML page named .jpg", 415, /not a picture/, () => HTML_PAGE, "photo.jpg", "image/jpeg"),
  file("an HTML page named .png", 415, /not a picture/, () => HTML_PAGE, "photo.png", "image/png"),
  file("an HTML page behind a JPEG signature", 415, /not a picture|web-page code/, () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML_PAGE])),
  file("an HTML page behind a PNG signature", 415, /not a picture|web-page code/, () => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), HTML_PAGE]), "photo.png"),
  file("an HTML page behind a GIF signature", 415, /not a picture/, () => Buffer.concat([Buffer.from("GIF89a"), HTML_PAGE]), "photo.gif", "image/gif"),
  file("a PNG with a page in a text chunk", 415, /web-page code/, () => pngHtmlPolyglot("text-chunk", "h-poly-text"), "poly.png", "image/png"),
  file("a PNG with a page after its end", 415, /web-page code/, () => pngHtmlPolyglot("after-end", "h-poly-end"), "poly.png", "image/png"),
  file("a JPEG with a page in a comment", 415, /web-page code/, () => jpegHtmlPolyglot("h-poly-jpeg")),
  file("a JPEG with a page after its end", 415, /web-page code/, async () => withHtmlAfter(await jpeg("h-jpeg-after"))),
  file("a JPEG with a script in its EXIF caption", 415, /web-page code/, () =>
    svgImage("h-exif")
      .jpeg()
      .withExif({ IFD0: { ImageDescription: SCRIPT } })
      .toBuffer(),
  ),
  file("a JPEG with a script in its XMP", 415, /web-page code/, () => svgImage("h-xmp").jpeg().withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${SCRIPT}</x:xmpmeta>`).toBuffer()),
  file("a WebP with a page after its end", 415, /web-page code/, async () => withHtmlAfter(await makeImage({ seed: "h-webp", format: "webp" })), "poly.webp", "image/webp"),
  file("an AVIF with a page after its end", 415, /web-page code/, async () => withHtmlAfter(await makeImage({ seed: "h-avif", width: 320, height: 200, format: "avif" })), "poly.avif", "image/avif"),
  file("an SVG with a script", 415, /SVG/, () => SVG_WITH_SCRIPT, "logo.svg", "image/svg+xml"),
  file("an SVG with a script named .png", 415, /SVG/, () => SVG_WITH_SCRIPT, "logo.png", "image/png"),
  file("a gzipped SVG (svgz) named .jpg", 415, /not a picture/, () => gzipSync(SVG_WITH_SCRIPT)),
  file("an SVG behind a PNG signature", 415, /web-page code|not a picture/, () => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), SVG_WITH_SCRIPT]), "logo.png", "image/png"),
  file("a PDF named .jpg", 415, /not a picture/, () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")),
  file("a GIF", 415, /not a picture/, () => svgImage("h-gif").gif().toBuffer(), "anim.gif", "image/gif"),
  file("a BMP", 415, /not a picture/, () => bmp(), "scan.bmp", "image/bmp"),
  file("a TIFF", 415, /not a picture/, () => svgImage("h-tiff").tiff().toBuffer(), "scan.tif", "image/tiff"),
];

const broken = (): HostileUpload[] => [
  file("a PNG claiming 20000 × 20000 pixels", 422, /400\.0 megapixels; the limit is 50\.0/, () => pixelBombPng(), "bomb.png", "image/png"),
  file("a JPEG claiming 65000 × 65000 pixels", 422, /megapixels; the limit is 50\.0/, () => jpegClaiming(65_000, "h-bomb-jpeg")),
  file("a WebP claiming 16383 × 16383 pixels", 422, /megapixels; the limit is 50\.0/, () => webpClaiming(16_383, "h-bomb-webp"), "bomb.webp", "image/webp"),
  file("an AVIF claiming 30000 × 30000 pixels", 422, /megapixels; the limit is 50\.0|damaged/, () => avifClaiming(30_000, "h-bomb-avif"), "bomb.avif", "image/avif"),
  file("a truncated JPEG", 422, /damaged or incomplete/, () => truncatedJpeg("h-cut-jpeg")),
  file("a truncated PNG", 422, /damaged or incomplete/, () => truncated("png", "h-cut-png"), "cut.png", "image/png"),
  // sharp cannot even read these headers, so they get the "not a picture" answer.
  file("a truncated WebP", 415, /not a picture/, () => truncated("webp", "h-cut-webp"), "cut.webp", "image/webp"),
  file("a JPEG cut after its first 300 bytes", 415, /not a picture/, async () => (await jpeg("h-header-only")).subarray(0, 300)),
  file("a zero-byte file", 422, /empty/, () => Buffer.alloc(0)),
  file("a file 1 byte over 25 MB", 413, /limit is 25\.0 MB/, () => oversizedJpeg(LIMIT, "h-oversized")),
  {
    label: "a body declaring 200 MB",
    status: 413,
    message: /limit is 25\.0 MB/,
    request: async () =>
      new Request(UPLOAD_URL, {
        method: "POST",
        body: new ReadableStream({
          pull: () => {
            throw new Error("the body must not be read");
          },
        }),
        duplex: "half",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) },
      } as RequestInit),
  },
];

const HOSTILE_NAMES = [
  "../../etc/passwd.jpg",
  "..\\..\\x.jpg",
  "photos/../../x.jpg",
  "/etc/x.jpg",
  "\\\\server\\share\\x.jpg",
  "photo.jpg\u0000.html",
  "photo\r\nContent-Type: text/html.jpg",
  "photo\u001b[2J.jpg",
  "tab\there.jpg",
  "c1\u0085control.jpg",
  "x\u202egpj.html",
  "..",
  `${"a".repeat(300)}.jpg`,
  `${"b".repeat(5000)}.jpg`,
];

// For test titles: invisible characters spelled out, long names cut.
const shown = (name: string) => JSON.stringify(name.slice(0, 40)).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

// A valid picture each (a hostile name must be refused for its name, not as a duplicate).
const names = (): HostileUpload[] =>
  HOSTILE_NAMES.map((name, index) => file(`a valid JPEG named ${shown(name)}${name.length > 40 ? ` (${name.length} characters)` : ""}`, 422, /file name/, () => jpeg(`h-name-${index}`), name));

const multipart = (): HostileUpload[] => [
  { label: "a form without a file", status: 422, message: /no "file"/, request: async () => formRequest([], { altText: "nothing" }) },
  { label: "a picture in a field not called file", status: 422, message: /no "file"/, request: async () => formRequest([{ field: "image", bytes: await jpeg("h-field"), name: "a.jpg" }]) },
  { label: "a text field called file holding a page", status: 422, message: /no "file"/, request: async () => formRequest([], { file: HTML_PAGE.toString() }) },
  {
    label: "an HTML page first, a picture second",
    status: 415,
    message: /not a picture/,
    request: async () =>
      formRequest([
        { bytes: HTML_PAGE, name: "a.jpg" },
        { bytes: await jpeg("h-second"), name: "b.jpg" },
      ]),
  },
  { label: "a picture with an empty file name", status: 422, message: /no name/, request: async () => rawRequest(rawPart('name="file"; filename=""', await jpeg("h-empty-name"))) },
  {
    label: "a name in filename* (RFC 5987) climbing folders",
    status: 422,
    message: /malformed/,
    names: ["../../x.jpg"],
    request: async () => rawRequest(rawPart(`name="file"; filename*=UTF-8''..%2F..%2Fx.jpg`, await jpeg("h-star"))),
  },
  { label: "a multipart body cut short", status: 422, message: /malformed/, request: async () => rawRequest(rawPart('name="file"; filename="a.jpg"', await jpeg("h-cut-form")).subarray(0, 900)) },
  {
    label: "a multipart body with another boundary",
    status: 422,
    message: /malformed/,
    request: async () => rawRequest(rawPart('name="file"; filename="a.jpg"', await jpeg("h-boundary")), "multipart/form-data; boundary=----another-boundary"),
  },
  { label: "a JSON body", status: 415, message: /multipart/, request: async () => rawRequest(JSON.stringify({ file: HTML_PAGE.toString() }), "application/json") },
  { label: "a urlencoded body", status: 415, message: /multipart/, request: async () => rawRequest(`file=${encodeURIComponent(HTML_PAGE.toString())}`, "application/x-www-form-urlencoded") },
];

export const hostileUploads = (): HostileUpload[] => [...disguised(), ...broken(), ...names(), ...multipart()];

// ---- the valid set ----

const create = (width: number, height: number, channels: 3 | 4, background: Color) => sharp({ create: { width, height, channels, background } });

async function withAlpha(seed: string): Promise<Sharp> {
  return create(500, 400, 4, { r: 200, g: 30, b: 30, alpha: 0.4 }).composite([{ input: await svgImage(seed, 300, 200).png().toBuffer(), left: 100, top: 100 }]);
}

export const validUploads = (): ValidUpload[] => [
  { label: "a JPEG", name: "final-lap.jpg", make: () => jpeg("v-jpeg", 1800, 1200) },
  { label: "a PNG", name: "chart.png", type: "image/png", make: () => makeImage({ seed: "v-png", width: 800, height: 600, format: "png" }) },
  { label: "a WebP", name: "crowd.webp", type: "image/webp", make: () => makeImage({ seed: "v-webp", width: 1000, height: 700, format: "webp" }) },
  { label: "an AVIF", name: "podium.avif", type: "image/avif", make: () => makeImage({ seed: "v-avif", width: 700, height: 500, format: "avif" }) },
  { label: "a 24-megapixel JPEG", name: "camera.jpg", make: () => makeImage({ seed: "v-24mp", width: 6000, height: 4000, quality: 92 }), expected: { width: 6000, height: 4000 } },
  { label: "a CMYK JPEG", name: "print.jpg", make: () => svgImage("v-cmyk", 800, 500).toColourspace("cmyk").jpeg().toBuffer(), expected: { width: 800, height: 500 } },
  { label: "a JPEG with EXIF orientation 6", name: "portrait.jpg", make: () => makeJpegWithMetadata({ seed: "v-orient", width: 600, height: 400, orientation: 6 }), expected: { width: 400, height: 600 } },
  { label: "a greyscale progressive JPEG", name: "archive.jpg", make: () => svgImage("v-grey").greyscale().jpeg({ progressive: true }).toBuffer() },
  { label: "a PNG with alpha", name: "logo.png", type: "image/png", make: async () => (await withAlpha("v-alpha-png")).png().toBuffer(), expected: { width: 500, height: 400 } },
  { label: "a lossless WebP with alpha", name: "logo.webp", type: "image/webp", make: async () => (await withAlpha("v-alpha-webp")).webp({ lossless: true }).toBuffer() },
  { label: "a 16-bit PNG", name: "scan.png", type: "image/png", make: () => svgImage("v-16bit").toColourspace("rgb16").png().toBuffer() },
  { label: "a 1 × 1 JPEG", name: "pixel.jpg", make: () => create(1, 1, 3, "#c0392b").jpeg().toBuffer(), expected: { width: 1, height: 1 } },
  { label: "a 1 × 1 PNG", name: "pixel.png", type: "image/png", make: () => create(1, 1, 4, { r: 0, g: 0, b: 0, alpha: 0 }).png().toBuffer(), expected: { width: 1, height: 1 } },
  { label: "a JPEG sent as application/octet-stream", name: "upload.jpg", type: "application/octet-stream", make: () => jpeg("v-octet") },
  { label: "a JPEG with an accented, non-Latin name", name: "Zürich – 決勝 (1).final.JPG", make: () => jpeg("v-unicode"), expected: { originalName: "Zürich – 決勝 (1).final.JPG" } },
  { label: "a JPEG sent with a browser's fake path", name: "C:\\fakepath\\skater.jpg", make: () => jpeg("v-fakepath"), expected: { originalName: "skater.jpg" } },
];
