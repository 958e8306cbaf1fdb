// Finds web-page code hidden inside a picture (a "polyglot": a valid PNG or JPEG that a browser
// or an old proxy would also run as HTML). Only the parts of a file that are not compressed picture
// data are read, so random bytes in the image itself cannot look like a tag by chance; those parts
// (metadata segments, chunks and boxes, comments, anything after the end of the picture) are
// exactly where a polyglot keeps its markup.
import type { ImageFormat } from "./formats";

const MARKUP = /<(?:script|iframe|object|embed|html|body|meta|link|style)[\s/>]|<!doctype\s|<\?(?:php|xml-stylesheet)[\s]|javascript:/i;

type Region = [start: number, end: number];

const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");

// Entropy-coded data after a start-of-scan runs to the next marker that is not a stuffed 0xFF00
// or a restart marker.
function endOfScan(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at !== -1 && at + 1 < bytes.length) {
    const next = bytes[at + 1];
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return bytes.length;
}

function jpegRegions(bytes: Uint8Array): Region[] {
  const regions: Region[] = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return [...regions, [at, bytes.length]];
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9) return [...regions, [at + 2, bytes.length]];
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
    regions.push([at + 4, Math.min(end, bytes.length)]);
    at = marker === 0xda ? endOfScan(bytes, end) : end;
  }
  return regions;
}

const PNG_IMAGE_CHUNKS = new Set(["IDAT", "fdAT"]);

function pngRegions(bytes: Uint8Array): Region[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const regions: Region[] = [];
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, at + 8);
    const start = at + 8,
      end = Math.min(start + length, bytes.length);
    if (!PNG_IMAGE_CHUNKS.has(type)) regions.push([start, end]);
    at = end + 4;
    if (type === "IEND") return [...regions, [Math.min(at, bytes.length), bytes.length]];
  }
  return regions;
}

const WEBP_IMAGE_CHUNKS = new Set(["VP8 ", "VP8L", "ALPH", "ANMF"]);

// RIFF: "RIFF", size, "WEBP", then chunks (four-letter type, little-endian size, data padded to even).
function webpRegions(bytes: Uint8Array): Region[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const regions: Region[] = [];
  const riffEnd = Math.min(8 + view.getUint32(4, true), bytes.length);
  let at = 12;
  while (at + 8 <= riffEnd) {
    const type = ascii(bytes, at, at + 4);
    const size = view.getUint32(at + 4, true);
    const start = at + 8,
      end = Math.min(start + size, riffEnd);
    if (!WEBP_IMAGE_CHUNKS.has(type)) regions.push([start, end]);
    at = end + (size % 2);
  }
  return [...regions, [Math.min(at, riffEnd), bytes.length]];
}

// ISO-BMFF boxes: 32-bit size (1: a 64-bit size follows; 0: to the end of the file) and type.
// "mdat" holds the compressed picture; everything else is read.
function avifRegions(bytes: Uint8Array): Region[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const regions: Region[] = [];
  let at = 0;
  while (at + 8 <= bytes.length) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1 && at + 16 <= bytes.length) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    }
    const end = size === 0 ? bytes.length : Math.min(at + size, bytes.length);
    if (end < at + header) return [...regions, [at, bytes.length]];
    if (ascii(bytes, at + 4, at + 8) !== "mdat") regions.push([at + header, end]);
    at = end;
  }
  return [...regions, [at, bytes.length]];
}

function regionsToScan(bytes: Uint8Array, format: ImageFormat): Region[] {
  if (format === "jpeg") return jpegRegions(bytes);
  if (format === "png") return pngRegions(bytes);
  if (format === "webp") return webpRegions(bytes);
  return avifRegions(bytes);
}

export function hasHiddenMarkup(bytes: Uint8Array, format: ImageFormat): boolean {
  return regionsToScan(bytes, format).some(([start, end]) => end > start && MARKUP.test(ascii(bytes, start, end)));
}
