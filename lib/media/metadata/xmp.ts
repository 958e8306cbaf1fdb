// Reads the few XMP properties that carry a picture's credit: dc:creator, photoshop:Credit and
// Source, dc:rights, dc:description, xmpRights:UsageTerms, photoshop:TransmissionReference.
// Written as attributes or as elements (plain, rdf:Seq, rdf:Bag or rdf:Alt lists), so both are read.
import type { MetadataFields } from "./metadata-fields";

type XmpFields = MetadataFields;

const PROPERTIES: Record<keyof XmpFields, string> = {
  byline: "dc:creator",
  credit: "photoshop:Credit",
  source: "photoshop:Source",
  copyright: "dc:rights",
  caption: "dc:description",
  instructions: "xmpRights:UsageTerms",
  reference: "photoshop:TransmissionReference",
};

// XMP packets are small; anything beyond this is not a credit worth reading.
const MAX_XMP_LENGTH = 256 * 1024;

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith("#x")) return safeCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return safeCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? entity;
  });
}

function safeCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function readProperty(xmp: string, property: string): string | undefined {
  const name = escapeName(property);
  const attribute = new RegExp(`[\\s"']${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  if (attribute) return decodeEntities(attribute[1] ?? attribute[2] ?? "");
  const element = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xmp);
  if (!element) return undefined;
  const inner = element[1];
  // A list: the first item (rdf:Alt lists the default language first by convention).
  const item = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner);
  const text = item ? item[1] : inner;
  return /</.test(text) ? undefined : decodeEntities(text);
}

export function readXmp(xmp: string | undefined): XmpFields {
  const fields: XmpFields = {};
  if (!xmp) return fields;
  const packet = xmp.slice(0, MAX_XMP_LENGTH);
  for (const [field, property] of Object.entries(PROPERTIES) as [keyof XmpFields, string][]) {
    const value = readProperty(packet, property);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}
