// Wire bodies (XHTML, NITF, plain text) → the Tiptap JSON the editor makes, then through the
// editor's own server validation (lib/editor/validate.ts). Only what the editor can make is kept:
// paragraphs, headings 2-4, lists, bold, italic, line breaks and allow-listed links. Attributes
// are never copied (so no event handlers), script-like elements go with their content, any other
// unknown element gives up its text, and nothing is stored as HTML.
import { getStorySchema } from "../editor/schema";
import { EMPTY_DOC, type BodyDoc, type BodyMark, type BodyNode } from "../editor/types";
import { parseBody } from "../editor/validate";
import type { WireBody } from "./types";
import type { MarkupElement, MarkupNode } from "./xml";

const DROPPED = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "noscript",
  "template",
  "head",
  "title",
  "meta",
  "link",
  "svg",
  "math",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "canvas",
  "audio",
  "video",
  "img",
  "picture",
  "media",
  "figure",
  "body.head",
  "body.end",
  "tobject",
  "fn",
  "note",
]);
const HEADINGS: Record<string, number> = { h1: 2, h2: 2, hl1: 2, h3: 3, hl2: 3, h4: 4, h5: 4, h6: 4 };
const CONTAINERS = new Set(["div", "section", "article", "body", "body.content", "block", "html", "main", "header", "footer", "aside", "blockquote", "dl", "table", "tbody", "thead", "tfoot", "nitf", "center"]);
const BLOCKS = new Set(["p", "pre", "tr", "dt", "dd", "caption", "figcaption", "address", "bq", "credit"]);
const BOLD = new Set(["b", "strong"]);
const ITALIC = new Set(["i", "em", "cite"]);
const LINK_PROTOCOLS = /^(https?:|mailto:)/i;
// Characters the database or the validator refuses: NUL, other C0 controls, lone surrogates.
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

type Inline = BodyNode;

// ProseMirror wants a node's marks in the schema's order (the order its marks are listed in).
function rankOf(mark: BodyMark): number {
  return Object.keys(getStorySchema().marks).indexOf(mark.type);
}

function textNode(text: string, marks: BodyMark[]): Inline | null {
  const value = text.replace(UNSTORABLE, "").replace(/\s+/g, " ");
  if (!value) return null;
  return { type: "text", text: value, ...(marks.length ? { marks: [...marks].sort((a, b) => rankOf(a) - rankOf(b)) } : {}) };
}

function linkMark(element: MarkupElement): BodyMark | null {
  const href = element.attrs.href?.trim();
  // Agency links are absolute or nothing: a relative one would point into this site.
  return href && LINK_PROTOCOLS.test(href) && href.length <= 2048 && !/[\u0000-\u0020\u007f-\u009f]/.test(href) ? { type: "link", attrs: { href } } : null;
}

function inlineOf(node: MarkupNode, marks: BodyMark[], out: Inline[]): void {
  if (typeof node === "string") {
    const text = textNode(node, marks);
    if (text) out.push(text);
    return;
  }
  if (DROPPED.has(node.tag)) return;
  if (node.tag === "br") {
    out.push({ type: "hardBreak" });
    return;
  }
  const added = BOLD.has(node.tag) ? { type: "bold" } : ITALIC.has(node.tag) ? { type: "italic" } : node.tag === "a" ? linkMark(node) : null;
  const next = added && !marks.some((m) => m.type === added.type) ? [...marks, added] : marks;
  for (const child of node.children) inlineOf(child, next, out);
}

const sameMarks = (a: Inline, b: Inline) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

// Joins neighbouring texts with the same marks, trims the ends, drops breaks at the edges.
function tidy(inline: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of inline) {
    const last = merged.at(-1);
    if (last?.type === "text" && node.type === "text" && sameMarks(last, node)) last.text = `${last.text}${node.text}`.replace(/\s+/g, " ");
    else merged.push({ ...node });
  }
  while (merged[0]?.type === "hardBreak") merged.shift();
  while (merged.at(-1)?.type === "hardBreak") merged.pop();
  const first = merged[0],
    last = merged.at(-1);
  if (first?.type === "text") first.text = first.text!.trimStart();
  if (last?.type === "text") last.text = last.text!.trimEnd();
  return merged.filter((node) => node.type !== "text" || node.text);
}

function paragraph(inline: Inline[]): BodyNode | null {
  const content = tidy(inline);
  return content.some((node) => node.type === "text") ? { type: "paragraph", content } : null;
}

function listOf(element: MarkupElement): BodyNode | null {
  const items = element.children
    .filter((child): child is MarkupElement => typeof child !== "string" && child.tag === "li")
    .map((li) => blocksOf(li.children))
    .filter((content) => content.length && content[0].type === "paragraph")
    .map((content) => ({ type: "listItem", content }));
  return items.length ? { type: element.tag === "ol" ? "orderedList" : "bulletList", content: items } : null;
}

function blockOf(element: MarkupElement): BodyNode[] {
  if (DROPPED.has(element.tag)) return [];
  if (element.tag in HEADINGS) {
    const content = tidy(collect(element.children, []));
    return content.some((node) => node.type === "text") ? [{ type: "heading", attrs: { level: HEADINGS[element.tag] }, content: content.filter((n) => n.type === "text") }] : [];
  }
  if (element.tag === "ul" || element.tag === "ol") {
    const list = listOf(element);
    return list ? [list] : [];
  }
  if (CONTAINERS.has(element.tag) || element.tag === "li") return blocksOf(element.children);
  const made = paragraph(collect(element.children, []));
  return made ? [made] : [];
}

function collect(nodes: MarkupNode[], marks: BodyMark[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) inlineOf(node, marks, out);
  return out;
}

const isBlock = (node: MarkupNode): node is MarkupElement =>
  typeof node !== "string" && (BLOCKS.has(node.tag) || CONTAINERS.has(node.tag) || node.tag in HEADINGS || node.tag === "ul" || node.tag === "ol" || node.tag === "li" || DROPPED.has(node.tag));

// Mixed content: loose text and inline elements between blocks become paragraphs of their own.
function blocksOf(nodes: MarkupNode[]): BodyNode[] {
  const blocks: BodyNode[] = [];
  let pending: Inline[] = [];
  const flush = () => {
    const made = paragraph(pending);
    if (made) blocks.push(made);
    pending = [];
  };
  for (const node of nodes) {
    if (isBlock(node)) {
      flush();
      blocks.push(...blockOf(node));
    } else inlineOf(node, [], pending);
  }
  flush();
  return blocks;
}

// Blank lines separate paragraphs; a single line break inside one is the agency's wrapping.
function textBlocks(text: string): BodyNode[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => paragraph([{ type: "text", text: block }].map((t) => textNode(t.text, [])).filter((t): t is Inline => t !== null)))
    .filter((block): block is BodyNode => block !== null);
}

// `lead`: a dateline to print at the start when the body does not begin with it already.
export function wireBodyToDoc(body: WireBody | null, lead = ""): BodyDoc {
  const content = body === null ? [] : body.kind === "text" ? textBlocks(body.text) : blocksOf(body.nodes);
  const dateline = lead.replace(UNSTORABLE, "").trim();
  if (dateline) {
    const first = content[0];
    const firstText = first?.type === "paragraph" ? (first.content ?? []).map((n) => n.text ?? "").join("") : "";
    if (!firstText.toUpperCase().startsWith(dateline.toUpperCase())) {
      content.unshift({ type: "paragraph", content: [{ type: "text", text: dateline, marks: [{ type: "bold" }] }] });
    }
  }
  return parseBody(content.length ? { type: "doc", content } : EMPTY_DOC, "story");
}
