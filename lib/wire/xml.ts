// The one XML reader for wire documents (NewsML-G2, NITF and XHTML bodies). Entity processing is
// off and a document with a DOCTYPE or ENTITY declaration is refused before parsing, so neither an
// entity bomb nor an external entity can be expanded; only the five predefined entities and
// numeric character references are decoded, as text.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { wireRefusal } from "./types";

export type MarkupElement = { tag: string; attrs: Record<string, string>; children: MarkupNode[] };
export type MarkupNode = MarkupElement | string;

// HTML elements that never close, so XHTML-ish bodies written as HTML still read.
const VOID_TAGS = ["br", "hr", "img", "wbr", "meta", "link", "input", "col", "area", "source", "embed", "param", "track"];
const MAX_DEPTH = 64;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
} as const;

const parser = new XMLParser({ ...PARSER_OPTIONS, unpairedTags: VOID_TAGS });
// For vocabularies whose own elements share a name with an HTML void tag (SportsML's and
// NewsML-G2's POIDetails address has an <area>…</area>), which the tolerant parser would misread.
const strictParser = new XMLParser(PARSER_OPTIONS);

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

// Decodes predefined entities and character references; any other named entity stays as written.
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
}

type RawNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toNodes(raw: RawNode[]): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  for (const entry of raw) {
    for (const [key, value] of Object.entries(entry)) {
      if (key === ":@") continue;
      if (key === "#text") nodes.push(decodeEntities(String(value)));
      else {
        const attrs: Record<string, string> = {};
        for (const [name, attr] of Object.entries(entry[":@"] ?? {})) attrs[name] = decodeEntities(String(attr));
        nodes.push({ tag: key, attrs, children: Array.isArray(value) ? toNodes(value as RawNode[]) : [] });
      }
    }
  }
  return nodes;
}

// Parses a whole document or a fragment; `where` names it in the refusal ("the document", "bodies[1].value").
// `isStrict` reads HTML's void tags (br, img, area …) as ordinary XML elements that must close.
export function parseXml(text: string, where: string, { isStrict = false }: { isStrict?: boolean } = {}): MarkupNode[] {
  if (DECLARATION.test(text)) {
    throw wireRefusal(where, "has a DOCTYPE or ENTITY declaration; these are refused because they can expand to huge or external content");
  }
  const result = XMLValidator.validate(text, { unpairedTags: isStrict ? [] : VOID_TAGS });
  if (result !== true) throw wireRefusal(where, `is not well-formed XML: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`);
  try {
    return toNodes((isStrict ? strictParser : parser).parse(text) as RawNode[]);
  } catch (error) {
    throw wireRefusal(where, `could not be read as XML: ${(error as Error).message}`);
  }
}

// An XHTML fragment (no single root needed).
export function parseXhtmlFragment(text: string, where: string): MarkupNode[] {
  const [root] = parseXml(`<div>${text}</div>`, where);
  return typeof root === "string" ? [root] : root.children;
}

export const isElement = (node: MarkupNode | undefined): node is MarkupElement => typeof node === "object" && node !== null;

export function elementsOf(nodes: MarkupNode[] | undefined): MarkupElement[] {
  return (nodes ?? []).filter(isElement);
}

export function childrenNamed(element: MarkupElement | undefined, tag: string): MarkupElement[] {
  return elementsOf(element?.children).filter((child) => child.tag === tag);
}

export function childNamed(element: MarkupElement | undefined, tag: string): MarkupElement | undefined {
  return childrenNamed(element, tag)[0];
}

// The element's text, whitespace collapsed as a reader would see it.
export function textOf(node: MarkupNode | undefined): string {
  if (node === undefined) return "";
  const raw = typeof node === "string" ? node : node.children.map((child) => (typeof child === "string" ? child : ` ${textOf(child)} `)).join("");
  return raw.replace(/\s+/g, " ").trim();
}
