// One entry point for a wire document, whatever its format: JSON is ninjs, XML is NewsML-G2, any
// other text is agency copy in the plain wire layout.
import { parseNewsmlDocument } from "./newsml-g2";
import { parseNinjsDocument } from "./ninjs";
import { parsePlainText } from "./plain-text";
import { hasUnstorableCharacters, UNSTORABLE_MESSAGE } from "../text-input";
import { wireRefusal, type WireItem } from "./types";

export const MAX_WIRE_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function parseWireDocument(input: string | Uint8Array): WireItem {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > MAX_WIRE_DOCUMENT_BYTES) throw wireRefusal("the document", `is ${Math.ceil(size / 1024 / 1024)} MB; the limit is ${MAX_WIRE_DOCUMENT_BYTES / 1024 / 1024} MB`);
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  if (hasUnstorableCharacters(text)) throw wireRefusal("the document", "contains a NUL or half of a UTF-16 pair (is it a binary file?)");
  const start = text.replace(/^\uFEFF/, "").trimStart();
  const item = start.startsWith("{") || start.startsWith("[") ? parseNinjsDocument(parseJson(start)) : start.startsWith("<") ? parseNewsmlDocument(start) : parsePlainText(text);
  assertStorable(item, "");
  return item;
}

// A NUL or a lone surrogate (from a JSON escape or a cut string) cannot be stored on PostgreSQL.
function assertStorable(value: unknown, path: string): void {
  if (typeof value === "string" && hasUnstorableCharacters(value)) throw wireRefusal(path || "the document", UNSTORABLE_MESSAGE.replace(": retype it", ""));
  if (Array.isArray(value)) value.forEach((item, index) => assertStorable(item, `${path}[${index}]`));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) assertStorable(item, path ? `${path}.${key}` : key);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw wireRefusal("the document", `is not valid JSON: ${(error as Error).message}`);
  }
}
