import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makeJpegWithMetadata, type FixtureFormat } from "../../../tests/fixtures/images";
import { jpegHtmlPolyglot, pngHtmlPolyglot } from "../../../tests/fixtures/hostile-images";
import { hasHiddenMarkup } from "./markup-scan";

const PAGE = Buffer.from("<html><script>alert(1)</script></html>");

async function noise(format: FixtureFormat, seed: number): Promise<Buffer> {
  const image = sharp({ create: { width: 640, height: 480, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128 + seed, sigma: 60 } } });
  if (format === "png") return image.png().toBuffer();
  if (format === "webp") return image.webp({ quality: 90 }).toBuffer();
  if (format === "avif") return image.avif({ quality: 60, effort: 0 }).toBuffer();
  return image.jpeg({ quality: 95 }).toBuffer();
}

// Encoding a dozen noisy pictures is slow on a busy machine.
describe("hasHiddenMarkup", { timeout: 30_000 }, () => {
  it("finds a page hidden in a PNG text chunk, after a PNG's end, or in a JPEG comment", async () => {
    expect(hasHiddenMarkup(await pngHtmlPolyglot("text-chunk"), "png")).toBe(true);
    expect(hasHiddenMarkup(await pngHtmlPolyglot("after-end"), "png")).toBe(true);
    expect(hasHiddenMarkup(await jpegHtmlPolyglot(), "jpeg")).toBe(true);
  });

  it("finds a page appended to a WebP or put in an extra AVIF box", async () => {
    const webp = await makeImage({ seed: "w", width: 100, height: 80, format: "webp" });
    expect(hasHiddenMarkup(Buffer.concat([webp, PAGE]), "webp")).toBe(true);
    const avif = await makeImage({ seed: "a", width: 100, height: 80, format: "avif" });
    const box = Buffer.concat([Buffer.from([0, 0, 0, 8 + PAGE.length]), Buffer.from("free"), PAGE]);
    expect(hasHiddenMarkup(Buffer.concat([avif, box]), "avif")).toBe(true);
  });

  it("passes real pictures of every format, metadata and noisy pixels included", async () => {
    const formats: FixtureFormat[] = ["jpeg", "png", "webp", "avif"];
    for (const format of formats) {
      for (let seed = 0; seed < 3; seed++) expect(hasHiddenMarkup(await noise(format, seed), format), `${format} ${seed}`).toBe(false);
      expect(hasHiddenMarkup(await makeImage({ seed: format, width: 800, height: 500, format }), format)).toBe(false);
    }
    const agency = await makeJpegWithMetadata({ seed: "m", width: 300, height: 200, byline: "A B", credit: "C/D", caption: "E <F> & G", gps: { latitude: 1, longitude: 2 } });
    expect(hasHiddenMarkup(agency, "jpeg")).toBe(false);
  });

  it("does not throw on files cut short or with nonsense lengths", async () => {
    const png = await makeImage({ seed: "cut", width: 100, height: 100, format: "png" });
    for (const format of ["jpeg", "png", "webp", "avif"] as const) {
      expect(() => hasHiddenMarkup(png.subarray(0, 20), format)).not.toThrow();
      expect(() => hasHiddenMarkup(Buffer.alloc(40, 0xff), format)).not.toThrow();
    }
  });
});
