// First look at an upload: how big it is and what it really is, decided from its content (never
// from its name or the browser's Content-Type), before any pixel is decoded.
import sharp, { type Metadata } from "sharp";
import { AppError } from "../errors";
import { ACCEPTED_LABELS, IMAGE_FORMATS, type ImageFormat } from "./formats";
import { looksLikeSvg, sniffFormat } from "./sniff";

export type MediaLimits = { maxBytes: number; maxPixels: number };

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000 };

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value?.trim() && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function mediaLimits(env: Record<string, string | undefined> = process.env): MediaLimits {
  return {
    maxBytes: positiveInteger(env.MEDIA_MAX_BYTES, DEFAULT_MEDIA_LIMITS.maxBytes),
    maxPixels: positiveInteger(env.MEDIA_MAX_PIXELS, DEFAULT_MEDIA_LIMITS.maxPixels),
  };
}

export type InspectedImage = {
  format: ImageFormat;
  // As a reader sees it, after the camera's EXIF orientation is applied.
  width: number;
  height: number;
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const megapixels = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`;

// sharp names AVIF "heif"; HEIC (also "heif", HEVC-compressed) is not something browsers show.
function decodedFormat(metadata: Metadata): ImageFormat | null {
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  return metadata.format in IMAGE_FORMATS ? (metadata.format as ImageFormat) : null;
}

function refuseContent(bytes: Buffer): never {
  const what = looksLikeSvg(bytes)
    ? "SVG drawings can carry scripts, so they are not accepted"
    : "This file is not a picture we can read";
  throw new AppError("INVALID", `${what}: upload a ${ACCEPTED_LABELS} picture.`);
}

async function readMetadata(bytes: Buffer): Promise<Metadata> {
  try {
    // Reads the header only; no pixels are decoded yet, so the size limit can be checked first.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuseContent(bytes);
  }
}

export async function inspectImage(bytes: Buffer, limits: MediaLimits = mediaLimits()): Promise<InspectedImage> {
  if (bytes.length === 0) throw new AppError("INVALID", "The file is empty.");
  if (bytes.length > limits.maxBytes) {
    throw new AppError("INVALID", `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(limits.maxBytes)}.`);
  }
  const format = sniffFormat(bytes);
  if (!format) refuseContent(bytes);
  const metadata = await readMetadata(bytes);
  // A file that starts like one format but decodes as another (e.g. HEIC in an AVIF-looking box).
  if (decodedFormat(metadata) !== format) refuseContent(bytes);
  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) throw new AppError("INVALID", "The picture has no size.");
  if (pixels > limits.maxPixels) {
    throw new AppError("INVALID", `The picture is ${megapixels(pixels)}; the limit is ${megapixels(limits.maxPixels)}.`);
  }
  return { format, width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}
