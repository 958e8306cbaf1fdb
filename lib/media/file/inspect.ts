// First look at an upload: how big it is and what it really is, decided from its content (never
// from its name or the browser's Content-Type), before any pixel is decoded. Every refusal carries
// a reason (details.reason) so the upload route can answer 413, 415 or 422.
import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "../../errors";
import { readEmbeddedMetadata, type EmbeddedMetadata } from "../metadata/embedded-metadata";
import { ACCEPTED_LABELS, IMAGE_FORMATS, type ImageFormat } from "./formats";
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from "./limits";
import { hasHiddenMarkup } from "./markup-scan";
import { looksLikeSvg, sniffFormat } from "./sniff";
import { integerSetting } from "../../settings";

export { DEFAULT_MEDIA_LIMITS, type MediaLimits };

// too-large → 413; not-an-image (SVG, HTML, other formats, hidden markup) → 415; the rest → 422.
type RefusalReason = "empty" | "too-large" | "too-many-pixels" | "not-an-image" | "hidden-markup" | "damaged";

export function refuse(reason: RefusalReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("INVALID", message, { reason, ...extra });
}

export function refusalReason(error: unknown): RefusalReason | null {
  const reason = (error as { details?: { reason?: unknown } } | null)?.details?.reason;
  return typeof reason === "string" ? (reason as RefusalReason) : null;
}

export function mediaLimits(env: Record<string, string | undefined> = process.env): MediaLimits {
  return {
    maxBytes: integerSetting(env.MEDIA_MAX_BYTES, DEFAULT_MEDIA_LIMITS.maxBytes),
    maxPixels: integerSetting(env.MEDIA_MAX_PIXELS, DEFAULT_MEDIA_LIMITS.maxPixels),
  };
}

type InspectedImage = {
  format: ImageFormat;
  // As a reader sees it, after the camera's EXIF orientation is applied.
  width: number;
  height: number;
  // Credit, caption and copyright the file carries (IPTC, XMP, EXIF), for pre-filling.
  embedded: EmbeddedMetadata;
};

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const megapixels = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`;

// sharp names AVIF "heif"; HEIC (also "heif", HEVC-compressed) is not something browsers show.
function decodedFormat(metadata: Metadata): ImageFormat | null {
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  return metadata.format in IMAGE_FORMATS ? (metadata.format as ImageFormat) : null;
}

function refuseContent(bytes: Buffer): never {
  const what = looksLikeSvg(bytes) ? "SVG drawings can carry scripts, so they are not accepted" : "This file is not a picture we can read";
  throw refuse("not-an-image", `${what}: upload a ${ACCEPTED_LABELS} picture.`);
}

async function readMetadata(bytes: Buffer): Promise<Metadata> {
  try {
    // Reads the header only; no pixels are decoded yet, so the size limit can be checked first.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuseContent(bytes);
  }
}

function assertByteLimit(size: number, limits: MediaLimits): void {
  if (size > limits.maxBytes) throw refuse("too-large", `The file is ${megabytes(size)}; the limit is ${megabytes(limits.maxBytes)}.`);
}

export async function inspectImage(bytes: Buffer, limits: MediaLimits = mediaLimits()): Promise<InspectedImage> {
  if (bytes.length === 0) throw refuse("empty", "The file is empty.");
  assertByteLimit(bytes.length, limits);
  const format = sniffFormat(bytes);
  if (!format) refuseContent(bytes);
  if (hasHiddenMarkup(bytes, format)) {
    throw refuse("hidden-markup", "The file hides web-page code (HTML or script) inside the picture, so it is not accepted: export the picture again from your photo software.");
  }
  const metadata = await readMetadata(bytes);
  // A file that starts like one format but decodes as another (e.g. HEIC in an AVIF-looking box).
  if (decodedFormat(metadata) !== format) refuseContent(bytes);
  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) throw refuse("damaged", "The picture has no size.");
  if (pixels > limits.maxPixels) {
    throw refuse("too-many-pixels", `The picture is ${megapixels(pixels)}; the limit is ${megapixels(limits.maxPixels)}.`);
  }
  return { format, width: metadata.autoOrient.width, height: metadata.autoOrient.height, embedded: readEmbeddedMetadata(metadata) };
}
