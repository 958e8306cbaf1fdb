import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { jpegHtmlPolyglot, pixelBombPng, pngHtmlPolyglot, SVG_WITH_SCRIPT } from "../../../tests/fixtures/hostile-images";
import { makeImage, makeJpegWithMetadata, makeSvg, svgBytes } from "../../../tests/fixtures/images";
import { isAppError } from "../../errors";
import { mediaLimits, DEFAULT_MEDIA_LIMITS, refusalReason } from "./inspect";
import { processImage } from "./process";
import { renditionWidths } from "./renditions";
import { sniffFormat } from "./sniff";

async function refusal(bytes: Buffer, limits = DEFAULT_MEDIA_LIMITS): Promise<string> {
  try {
    await processImage(bytes, limits);
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID") return error.message;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("processImage: what it accepts", () => {
  it.each([
    ["jpeg", "image/jpeg", "jpg"],
    ["png", "image/png", "png"],
    ["webp", "image/webp", "webp"],
    ["avif", "image/avif", "avif"],
  ] as const)("accepts %s, decided from the content", async (format, mimeType, extension) => {
    const bytes = await makeImage({ seed: `accept-${format}`, width: 640, height: 400, format });
    const image = await processImage(bytes);
    expect(image).toMatchObject({ format, mimeType, width: 640, height: 400 });
    expect(image.original.key).toMatch(new RegExp(`^o/[0-9a-f]{64}\\.${extension}$`));
    expect(image.original.bytes.equals(bytes)).toBe(true);
  });

  it("gives the same picture the same hash and keys", async () => {
    const bytes = await makeImage({ seed: "same", width: 500, height: 300 });
    const [a, b] = await Promise.all([processImage(bytes), processImage(Buffer.from(bytes))]);
    expect(a.sha256).toBe(b.sha256);
    expect(a.renditions.map((r) => r.key)).toEqual(b.renditions.map((r) => r.key));
  });
});

async function animatedWebp(): Promise<Buffer> {
  const frames = await Promise.all(
    ["#d00", "#0a0", "#00d"].map((colour) =>
      sharp({ create: { width: 300, height: 200, channels: 3, background: colour } })
        .png()
        .toBuffer(),
    ),
  );
  const webp = await sharp(frames, { join: { animated: true } })
    .webp()
    .toBuffer();
  expect((await sharp(webp).metadata()).pages).toBe(3);
  return webp;
}

describe("processImage: every kind of valid picture", { timeout: 20_000 }, () => {
  const base = () => sharp(Buffer.from(makeSvg({ seed: "variants", width: 500, height: 300 })));
  it.each([
    ["greyscale JPEG", () => base().greyscale().jpeg().toBuffer()],
    ["CMYK JPEG", () => base().toColourspace("cmyk").jpeg().toBuffer()],
    ["progressive JPEG", () => base().jpeg({ progressive: true }).toBuffer()],
    ["16-bit PNG", () => base().toColourspace("rgb16").png().toBuffer()],
    ["palette PNG", () => base().png({ palette: true, colours: 16 }).toBuffer()],
    ["lossless WebP", () => base().webp({ lossless: true }).toBuffer()],
    ["animated WebP", () => animatedWebp()],
    ["10-bit AVIF", () => base().avif({ bitdepth: 10, effort: 0 }).toBuffer()],
  ])("accepts a %s", async (_, make) => {
    const image = await processImage(await make());
    expect(image.renditions.length).toBeGreaterThan(0);
  });

  it("reads the file's credit before stripping it", async () => {
    const bytes = await makeJpegWithMetadata({ seed: "credit", width: 300, height: 200, byline: "Ann Lee", credit: "Reuters", caption: "Lap one" });
    expect((await processImage(bytes)).embedded).toMatchObject({ byline: "Ann Lee", credit: "Reuters", caption: "Lap one" });
  });
});

describe("processImage: what it refuses", () => {
  it("refuses SVG, even when it claims to be a JPEG", async () => {
    expect(await refusal(svgBytes({ seed: "svg" }))).toMatch(/SVG/);
    const disguised = Buffer.concat([Buffer.from("\n  "), svgBytes({ seed: "svg" })]);
    expect(await refusal(disguised)).toMatch(/SVG/);
  });

  it("refuses an SVG with a script, web pages hidden in PNGs and JPEGs, and a pixel bomb, with a reason", async () => {
    const reasonOf = (bytes: Buffer) => processImage(bytes).then(() => "accepted", refusalReason);
    expect(await reasonOf(SVG_WITH_SCRIPT)).toBe("not-an-image");
    expect(await reasonOf(await pngHtmlPolyglot("text-chunk"))).toBe("hidden-markup");
    expect(await reasonOf(await pngHtmlPolyglot("after-end"))).toBe("hidden-markup");
    expect(await reasonOf(await jpegHtmlPolyglot())).toBe("hidden-markup");
    expect(await reasonOf(pixelBombPng())).toBe("too-many-pixels");
  });

  it("refuses HTML, text and empty files", async () => {
    expect(await refusal(Buffer.from("<!doctype html><html><script>alert(1)</script></html>"))).toMatch(/not a picture/);
    expect(await refusal(Buffer.from("just some words"))).toMatch(/not a picture/);
    expect(await refusal(Buffer.alloc(0))).toMatch(/empty/);
  });

  it("refuses other image formats (GIF, TIFF)", async () => {
    const source = sharp({ create: { width: 40, height: 40, channels: 3, background: "#123456" } });
    expect(await refusal(await source.clone().gif().toBuffer())).toMatch(/JPEG, PNG, WebP or AVIF/);
    expect(await refusal(await source.clone().tiff().toBuffer())).toMatch(/JPEG, PNG, WebP or AVIF/);
  });

  it("refuses a JPEG or PNG cut short", async () => {
    const jpeg = await makeImage({ seed: "truncated", width: 800, height: 500 });
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))).toMatch(/damaged or incomplete/);
    const png = await makeImage({ seed: "truncated", width: 800, height: 500, format: "png" });
    expect(await refusal(png.subarray(0, Math.floor(png.length * 0.6)))).toMatch(/damaged or incomplete|not a picture/);
  });

  it("refuses files over the byte limit and pictures over the pixel limit", async () => {
    const bytes = await makeImage({ seed: "limits", width: 400, height: 300 });
    expect(await refusal(bytes, { maxBytes: bytes.length - 1, maxPixels: 50_000_000 })).toMatch(/the limit is/);
    expect(await refusal(bytes, { maxBytes: 25_000_000, maxPixels: 400 * 300 - 1 })).toMatch(/megapixels/);
  });

  it("reads its limits from MEDIA_MAX_BYTES and MEDIA_MAX_PIXELS, ignoring nonsense", () => {
    expect(mediaLimits({})).toEqual({ maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000 });
    expect(mediaLimits({ MEDIA_MAX_BYTES: "1000", MEDIA_MAX_PIXELS: "2000" })).toEqual({ maxBytes: 1000, maxPixels: 2000 });
    expect(mediaLimits({ MEDIA_MAX_BYTES: "lots", MEDIA_MAX_PIXELS: "-5" })).toEqual(DEFAULT_MEDIA_LIMITS);
  });
});

describe("renditions", () => {
  it.each([
    [2400, [480, 960, 1600]],
    [1600, [480, 960, 1600]],
    [1200, [480, 960, 1200]],
    [960, [480, 960]],
    [300, [300]],
  ])("a %ipx-wide original gets widths %j, never wider than itself", (width, expected) => {
    expect(renditionWidths(width)).toEqual(expected);
  });

  it("makes AVIF, WebP and JPEG at each width, keeping the aspect ratio, with content-hashed keys", async () => {
    const image = await processImage(await makeImage({ seed: "widths", width: 2000, height: 1000 }));
    const summary = image.renditions.map((r) => `${r.format} ${r.width}x${r.height}`).sort();
    expect(summary).toEqual(["avif 1600x800", "avif 480x240", "avif 960x480", "jpeg 1600x800", "jpeg 480x240", "jpeg 960x480", "webp 1600x800", "webp 480x240", "webp 960x480"]);
    const prefix = image.sha256.slice(0, 32);
    expect(image.renditions.map((r) => r.key)).toEqual(expect.arrayContaining([`r/${prefix}-960.webp`, `r/${prefix}-960.avif`, `r/${prefix}-960.jpg`]));
    for (const r of image.renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect([sniffFormat(r.bytes), meta.width, meta.height]).toEqual([r.format, r.width, r.height]);
    }
  });

  it("strips EXIF, GPS, IPTC, XMP and ICC data from every rendition, but keeps the original intact", async () => {
    const bytes = await makeJpegWithMetadata({
      seed: "metadata",
      width: 1000,
      height: 600,
      byline: "Douwe Bijlsma",
      credit: "BSR Agency/Getty Images",
      copyright: "BSR Agency",
      caption: "Team pursuit final",
      gps: { latitude: 39.91, longitude: 116.39 },
    });
    const source = await sharp(bytes).metadata();
    expect(source.exif?.toString("latin1")).toContain("Douwe Bijlsma");
    expect(source.iptc?.toString("latin1")).toContain("BSR Agency/Getty Images");
    expect(source.xmpAsString).toContain("photoshop:Credit");
    const image = await processImage(bytes);
    expect(image.original.bytes.equals(bytes)).toBe(true);
    for (const r of image.renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect({ exif: meta.exif, iptc: meta.iptc, xmp: meta.xmp, icc: meta.icc }).toEqual({ exif: undefined, iptc: undefined, xmp: undefined, icc: undefined });
      expect(r.bytes.includes(Buffer.from("Bijlsma"))).toBe(false);
    }
  });

  it("turns a sideways camera picture upright using its orientation tag", async () => {
    const bytes = await makeJpegWithMetadata({ seed: "rotate", width: 1200, height: 800, orientation: 6 });
    const image = await processImage(bytes);
    expect([image.width, image.height]).toEqual([800, 1200]);
    const largest = image.renditions.find((r) => r.format === "jpeg" && r.width === 800);
    expect(largest?.height).toBe(1200);
    expect((await sharp(largest!.bytes).metadata()).orientation).toBeUndefined();
  });

  it("lays a transparent PNG on white for the JPEG rendition", async () => {
    const png = await sharp({ create: { width: 500, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const image = await processImage(png);
    const jpeg = image.renditions.find((r) => r.format === "jpeg")!;
    const { data } = await sharp(jpeg.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]].every((value) => value > 245)).toBe(true);
  });
});

describe("sniffFormat", () => {
  it("names the format from the first bytes, and nothing for anything else", async () => {
    expect(sniffFormat(await makeImage({ seed: "s", width: 20, height: 20, format: "avif" }))).toBe("avif");
    expect(sniffFormat(await makeImage({ seed: "s", width: 20, height: 20, format: "webp" }))).toBe("webp");
    expect(sniffFormat(Buffer.from("RIFF1234WAVE"))).toBeNull();
    expect(sniffFormat(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});
