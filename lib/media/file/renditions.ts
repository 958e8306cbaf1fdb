// The resized copies readers download. Each is auto-rotated from the camera's orientation tag and
// re-encoded with no EXIF, GPS, IPTC, XMP or ICC data: a photographer's location or a phone's
// serial number must never reach a reader. (sharp strips all metadata unless told to keep it, and
// converts to sRGB, so the pipeline below never calls keepMetadata/withMetadata.)
import "server-only";
import sharp, { type Channels, type Sharp } from "sharp";
import { IMAGE_FORMATS, RENDITION_FORMATS, type RenditionFormat } from "./formats";
import { refuse, type MediaLimits } from "./inspect";

const RENDITION_WIDTHS = [480, 960, 1600] as const;

const QUALITY: Record<RenditionFormat, number> = { avif: 50, webp: 78, jpeg: 82 };
// Measured on photo-like 1600px images: effort 2 gives files the same size (within 1%) as the
// default 4 in under half the time, which matters for upload latency and for the seed.
const WEBP_EFFORT = 2;
// AVIF encoding is the slow part of an upload. On a noisy 24-megapixel photo, the three widths
// take about 0.5 s together at effort 0 against 2.6 s at effort 2, for files 0-10% larger (and
// still about a quarter smaller than the WebP ones). Every width gets one: a srcset with gaps
// would make a wide screen pick a blurry AVIF over a sharp WebP.
const AVIF_EFFORT = 0;
// JPEG has no transparency: a transparent PNG is laid on white rather than turning black.
const JPEG_BACKGROUND = "#ffffff";

export type RenditionFile = {
  format: RenditionFormat;
  width: number;
  height: number;
  key: string;
  bytes: Buffer;
};

// The standard widths narrower than the original, plus the original's own width (capped at the
// largest standard width) so the sharpest copy a reader can get is never thrown away. A picture
// narrower than 480 gets one rendition at its own width. Never wider than the original.
export function renditionWidths(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]);
  const widths = RENDITION_WIDTHS.filter((width) => width < largest);
  return [...widths, largest];
}

function renditionKey(sha256: string, width: number, format: RenditionFormat): string {
  return `r/${sha256.slice(0, 32)}-${width}.${IMAGE_FORMATS[format].extension}`;
}

function encode(pipeline: Sharp, format: RenditionFormat): Sharp {
  if (format === "avif") return pipeline.avif({ quality: QUALITY.avif, effort: AVIF_EFFORT });
  if (format === "webp") return pipeline.webp({ quality: QUALITY.webp, effort: WEBP_EFFORT });
  return pipeline.flatten({ background: JPEG_BACKGROUND }).jpeg({ quality: QUALITY.jpeg, progressive: true });
}

async function renderOne(base: Sharp, sha256: string, width: number, format: RenditionFormat): Promise<RenditionFile> {
  const { data, info } = await encode(base.clone().resize({ width }), format).toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, key: renditionKey(sha256, width, format), bytes: data };
}

// Decodes the upload once, upright, in sRGB and no wider than the largest rendition; every
// rendition is then cut from those pixels. Decoding a 24-megapixel original six times would
// cost more than all the encoding together.
async function decodeOnce(bytes: Buffer, width: number, limits: MediaLimits): Promise<Sharp> {
  // failOn "error": a truncated or corrupt file is refused instead of rendered half grey;
  // harmless decoder warnings (common in camera files) are tolerated.
  const { data, info } = await sharp(bytes, { failOn: "error", limitInputPixels: limits.maxPixels, autoOrient: true })
    .resize({ width, withoutEnlargement: true })
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as Channels } });
}

export async function makeRenditions(bytes: Buffer, sha256: string, originalWidth: number, limits: MediaLimits): Promise<RenditionFile[]> {
  const widths = renditionWidths(originalWidth);
  try {
    const base = await decodeOnce(bytes, widths[widths.length - 1], limits);
    return await Promise.all(widths.flatMap((width) => RENDITION_FORMATS.map((format) => renderOne(base, sha256, width, format))));
  } catch (error) {
    throw refuse("damaged", "The picture is damaged or incomplete and could not be processed; export it again and re-upload.", {
      cause: (error as Error).message,
    });
  }
}
