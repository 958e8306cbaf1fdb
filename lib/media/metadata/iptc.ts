// Reads the IPTC IIM record agencies embed (Photoshop "8BIM" resource 0x0404 inside JPEG APP13):
// by-line, credit, source, copyright notice, caption, special instructions and job reference.
// Never throws: a malformed record yields whatever was readable before the damage.
import { decodeText } from "./text-decode";
import type { MetadataFields } from "./metadata-fields";

type IptcFields = MetadataFields;

// Record 2 dataset numbers (IPTC IIM 4.2).
const DATASETS: Record<number, keyof IptcFields> = { 80: "byline", 110: "credit", 115: "source", 116: "copyright", 120: "caption", 40: "instructions", 103: "reference" };
const PHOTOSHOP_HEADER = "Photoshop 3.0\0";
const IPTC_RESOURCE = 0x0404;
// ESC % G: the record's text is UTF-8 (dataset 1:90).
const UTF8_MARKER = Buffer.from([0x1b, 0x25, 0x47]);

// The IIM bytes: either the whole buffer, or resource 0x0404 of a Photoshop resource block.
function findIim(buffer: Buffer): Buffer | null {
  if (buffer[0] === 0x1c) return buffer;
  let offset = buffer.subarray(0, PHOTOSHOP_HEADER.length).toString("latin1") === PHOTOSHOP_HEADER ? PHOTOSHOP_HEADER.length : 0;
  while (offset + 12 <= buffer.length) {
    if (buffer.subarray(offset, offset + 4).toString("latin1") !== "8BIM") return null;
    const id = buffer.readUInt16BE(offset + 4);
    const nameLength = buffer[offset + 6];
    // The Pascal name (length byte + name) is padded to an even size.
    const sizeAt = offset + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > buffer.length) return null;
    const size = buffer.readUInt32BE(sizeAt);
    const start = sizeAt + 4;
    if (id === IPTC_RESOURCE) return buffer.subarray(start, Math.min(start + size, buffer.length));
    offset = start + size + (size % 2);
  }
  return null;
}

type Dataset = { record: number; dataset: number; value: Buffer };

function* datasets(iim: Buffer): Generator<Dataset> {
  let offset = 0;
  while (offset + 5 <= iim.length && iim[offset] === 0x1c) {
    const record = iim[offset + 1],
      dataset = iim[offset + 2];
    let size = iim.readUInt16BE(offset + 3);
    let start = offset + 5;
    // Extended dataset: the high bit says the next (size & 0x7fff) bytes hold the length.
    if (size & 0x8000) {
      const lengthBytes = size & 0x7fff;
      if (lengthBytes > 4 || start + lengthBytes > iim.length) return;
      size = iim.subarray(start, start + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
      start += lengthBytes;
    }
    if (start + size > iim.length) return;
    yield { record, dataset, value: iim.subarray(start, start + size) };
    offset = start + size;
  }
}

export function readIptc(buffer: Buffer | undefined): IptcFields {
  const fields: IptcFields = {};
  if (!buffer?.length) return fields;
  try {
    const iim = findIim(buffer);
    if (!iim) return fields;
    const found = [...datasets(iim)];
    const isUtf8 = found.some((d) => d.record === 1 && d.dataset === 90 && d.value.includes(UTF8_MARKER));
    for (const { record, dataset, value } of found) {
      const name = record === 2 ? DATASETS[dataset] : undefined;
      // By-line may repeat (several photographers); the first one is the credit's.
      if (name && fields[name] === undefined) fields[name] = decodeText(value, isUtf8);
    }
  } catch {
    // A damaged record: keep what was read.
  }
  return fields;
}
