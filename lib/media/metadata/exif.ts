// Reads the text tags of EXIF's first image directory (IFD0): Artist, Copyright and
// ImageDescription. Cameras and photo editors fill these when there is no IPTC record.
// Never throws: offsets outside the buffer end the reading.
import { decodeText } from "./text-decode";

type ExifFields = { byline?: string; copyright?: string; caption?: string };

const TAGS: Record<number, keyof ExifFields> = { 0x013b: "byline", 0x8298: "copyright", 0x010e: "caption" };
const ASCII = 2;
const UNDEFINED = 7;
const MAX_ENTRIES = 512;

type Reader = { u16: (at: number) => number; u32: (at: number) => number };

function tiffReader(tiff: Buffer): Reader | null {
  const order = tiff.subarray(0, 2).toString("latin1");
  if (order === "II") return { u16: (at) => tiff.readUInt16LE(at), u32: (at) => tiff.readUInt32LE(at) };
  if (order === "MM") return { u16: (at) => tiff.readUInt16BE(at), u32: (at) => tiff.readUInt32BE(at) };
  return null;
}

// sharp gives the APP1 payload: "Exif\0\0" then the TIFF structure.
function tiffOf(exif: Buffer): Buffer {
  return exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
}

function readValue(tiff: Buffer, read: Reader, entry: number): string | undefined {
  const type = read.u16(entry + 2);
  const count = read.u32(entry + 4);
  if ((type !== ASCII && type !== UNDEFINED) || count === 0) return undefined;
  const start = count <= 4 ? entry + 8 : read.u32(entry + 8);
  if (start + count > tiff.length) return undefined;
  // Copyright may hold "photographer\0editor"; the photographer's part is the one that matters.
  const bytes = tiff.subarray(start, start + count);
  const end = bytes.indexOf(0);
  return decodeText(end === -1 ? bytes : bytes.subarray(0, end));
}

export function readExif(exif: Buffer | undefined): ExifFields {
  const fields: ExifFields = {};
  if (!exif?.length) return fields;
  try {
    const tiff = tiffOf(exif);
    const read = tiffReader(tiff);
    if (!read) return fields;
    const ifd = read.u32(4);
    const entries = Math.min(read.u16(ifd), MAX_ENTRIES);
    for (let index = 0; index < entries; index++) {
      const entry = ifd + 2 + index * 12;
      if (entry + 12 > tiff.length) break;
      const field = TAGS[read.u16(entry)];
      if (field && fields[field] === undefined) fields[field] = readValue(tiff, read, entry);
    }
  } catch {
    // A damaged directory: keep what was read.
  }
  return fields;
}
