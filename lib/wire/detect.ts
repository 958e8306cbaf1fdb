// One entry point for a wire document, whatever its format: JSON is ninjs, XML is NewsML-G2, any
// other text is agency copy in the plain wire layout.
import { parseNewsmlDocument } from "./newsml-g2";
import { parseNinjsDocument } from "./ninjs";
import { parsePlainText } from "./plain-text";
import { wireRefusal, type WireItem } from "./types";

export const MAX_WIRE_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function parseWireDocument(input: string | Uint8Array): WireItem {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > MAX_WIRE_DOCUMENT_BYTES) throw wireRefusal("the document", `is ${Math.ceil(size / 1024 / 1024)} MB; the limit is ${MAX_WIRE_DOCUMENT_BYTES / 1024 / 1024} MB`);
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  if (text.includes("\u0000")) throw wireRefusal("the document", "contains NUL characters (is it a binary file?)");
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return parseNinjsDocument(parseJson(start));
  if (start.startsWith("<")) return parseNewsmlDocument(start);
  return parsePlainText(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw wireRefusal("the document", `is not valid JSON: ${(error as Error).message}`);
  }
}
