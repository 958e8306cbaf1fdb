// Turns uploaded bytes into what gets stored: the untouched original under its content hash, and
// the stripped, resized renditions readers download. Nothing is written here (see commands.ts).
import { createHash } from "node:crypto";
import type { EmbeddedMetadata } from "../metadata/embedded-metadata";
import { IMAGE_FORMATS, type ImageFormat } from "./formats";
import { inspectImage, mediaLimits, type MediaLimits } from "./inspect";
import { makeRenditions, type RenditionFile } from "./renditions";

export type ProcessedImage = {
  sha256: string;
  format: ImageFormat;
  mimeType: string;
  // Display size, after auto-rotation.
  width: number;
  height: number;
  original: { key: string; bytes: Buffer };
  renditions: RenditionFile[];
  // What the file says about itself (credit, caption, copyright), read before it was stripped.
  embedded: EmbeddedMetadata;
};

// The original keeps its metadata (credit, caption, location) for the newsroom's archive, so it is
// never served to readers: the public media route serves renditions only.
function originalKey(sha256: string, format: ImageFormat): string {
  return `o/${sha256}.${IMAGE_FORMATS[format].extension}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Throws AppError("INVALID") for anything that is not an acceptable picture.
export async function processImage(bytes: Buffer, limits: MediaLimits = mediaLimits()): Promise<ProcessedImage> {
  const inspected = await inspectImage(bytes, limits);
  const sha256 = sha256Hex(bytes);
  const renditions = await makeRenditions(bytes, sha256, inspected.width, limits);
  return {
    sha256,
    format: inspected.format,
    mimeType: IMAGE_FORMATS[inspected.format].mimeType,
    width: inspected.width,
    height: inspected.height,
    original: { key: originalKey(sha256, inspected.format), bytes },
    renditions,
    embedded: inspected.embedded,
  };
}
