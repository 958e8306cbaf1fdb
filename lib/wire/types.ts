// The normalised wire item every parser produces, whatever the format it came in. Plain JSON, so
// it is stored as it is on the WireItem record.
import { AppError } from "../errors";
import type { MarkupNode } from "./xml";

export type WireFormat = "ninjs-1" | "ninjs-2" | "ninjs-3" | "newsml-g2" | "text";
export type WireStatus = "usable" | "withheld" | "canceled";

// A body as the agency sent it: markup (XHTML or NITF, already parsed) or plain text.
export type WireBody = { kind: "markup"; nodes: MarkupNode[] } | { kind: "text"; text: string };

export type WireRendition = { name: string; href: string | null; mimeType: string | null; width: number | null; height: number | null; sizeBytes: number | null };

export type WirePicture = {
  ref: string;
  headline: string;
  // The caption to print; `description` (when the agency wrote one) becomes the alt text.
  caption: string;
  description: string;
  creditLine: string;
  byline: string;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  renditions: WireRendition[];
};

export type WireItem = {
  format: WireFormat;
  guid: string;
  version: number;
  status: WireStatus;
  urgency: number | null;
  genres: string[];
  headline: string;
  abstract: string;
  body: WireBody | null;
  dateline: string;
  located: string;
  bylines: string[];
  provider: string;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  keywords: string[];
  subjects: string[];
  edNote: string;
  embargoedUntil: string | null;
  versionCreated: string | null;
  pictures: WirePicture[];
  // Fields the importer does not know, by path: imported without them.
  skipped: string[];
};

export function emptyWireItem(format: WireFormat, guid: string): WireItem {
  return {
    format,
    guid,
    version: 1,
    status: "usable",
    urgency: null,
    genres: [],
    headline: "",
    abstract: "",
    body: null,
    dateline: "",
    located: "",
    bylines: [],
    provider: "",
    copyrightHolder: "",
    copyrightNotice: "",
    usageTerms: "",
    keywords: [],
    subjects: [],
    edNote: "",
    embargoedUntil: null,
    versionCreated: null,
    pictures: [],
    skipped: [],
  };
}

export function emptyPicture(ref: string): WirePicture {
  return { ref, headline: "", caption: "", description: "", creditLine: "", byline: "", copyrightHolder: "", copyrightNotice: "", usageTerms: "", renditions: [] };
}

// A document refused whole: the message names where the problem is and what it is.
export function wireRefusal(path: string, reason: string, problems?: string[]): AppError {
  return new AppError("INVALID", `The wire document was refused: ${path} ${reason}.`, { path, reason, problems });
}

// "3", "v2", 4 → a positive whole number; anything else is a refusal.
export function parseVersion(value: unknown, path: string): number {
  if (value === undefined || value === null || value === "") return 1;
  const number = typeof value === "number" ? value : Number(String(value).trim().replace(/^v/i, ""));
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000) throw wireRefusal(path, `is not a version number (${JSON.stringify(value).slice(0, 40)})`);
  return number;
}

// A date-time the agency sent, as ISO 8601 UTC; refused when it is not one.
export function parseWireDate(value: string | undefined, path: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) throw wireRefusal(path, `is not a date and time (${JSON.stringify(trimmed).slice(0, 60)})`);
  return new Date(time).toISOString();
}

export function clean(text: string | undefined | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

export function unique(values: string[]): string[] {
  return [...new Set(values.map(clean).filter(Boolean))];
}

// A WireItem as stored in WireItem.normalized/pendingNormalized: written only by the importer from
// a parsed item, so it is read back as one.
export function storedWireItem(value: unknown): WireItem {
  return value as WireItem;
}
