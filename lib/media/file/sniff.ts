// Signature check on the first bytes of an upload. Only files that already look like one of the
// accepted formats are handed to the image decoder, so an SVG, HTML page or script never reaches
// librsvg or any other parser; sharp's own metadata must then agree (see inspect.ts).
import type { ImageFormat } from "./formats";

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const AVIF_BRANDS = new Set(["avif", "avis"]);

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

// AVIF is an ISO-BMFF file: a leading "ftyp" box whose major or compatible brands name AVIF.
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0), 64, bytes.length);
  for (let offset = 8; offset + 4 <= boxSize; offset += 4) {
    if (offset !== 12 && AVIF_BRANDS.has(ascii(bytes, offset, offset + 4))) return true;
  }
  return false;
}

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (isAvif(bytes)) return "avif";
  return null;
}

// Only used to word the refusal: an SVG gets a reason, other text gets the generic message.
export function looksLikeSvg(bytes: Uint8Array): boolean {
  return /<svg[\s>]/i.test(ascii(bytes, 0, Math.min(bytes.length, 4096)));
}
