// What a picture file says about itself, merged from its IPTC record, XMP packet and EXIF tags
// (in that order of preference: IPTC is what agencies fill with care, EXIF what cameras fill).
import { readExif } from "./exif";
import { readIptc } from "./iptc";
import { cleanText } from "./text-decode";
import { readXmp } from "./xmp";
import type { MetadataFields } from "./metadata-fields";

export type EmbeddedMetadata = MetadataFields;

type MetadataBuffers = { exif?: Buffer; iptc?: Buffer; xmp?: Buffer; xmpAsString?: string };

const FIELDS = ["byline", "credit", "source", "copyright", "caption", "instructions", "reference"] as const;
const MAX_LENGTH: Record<(typeof FIELDS)[number], number> = {
  byline: 120,
  credit: 300,
  source: 300,
  copyright: 300,
  caption: 2000,
  instructions: 2000,
  reference: 300,
};

export function readEmbeddedMetadata(buffers: MetadataBuffers): EmbeddedMetadata {
  const sources: Record<string, string | undefined>[] = [readIptc(buffers.iptc), readXmp(buffers.xmpAsString ?? buffers.xmp?.toString("utf8")), readExif(buffers.exif)];
  const metadata: EmbeddedMetadata = {};
  for (const field of FIELDS) {
    const value = sources.map((source) => cleanText(source[field], MAX_LENGTH[field])).find(Boolean);
    if (value) metadata[field] = value;
  }
  return metadata;
}
