// What a body refers to, and its plain text: used to load everything a page needs in one
// query plan, to keep quote/caption/sidebar/related-link records in step, and for search.
import type { BodyNode } from "./types";

export type BodyReferences = {
  mediaIds: string[];
  captionIds: string[];
  quoteIds: string[];
  sidebarIds: string[];
  articleIds: string[];
};

function visit(node: BodyNode | undefined, fn: (node: BodyNode) => void): void {
  if (!node || typeof node !== "object") return;
  fn(node);
  if (Array.isArray(node.content)) node.content.forEach((child) => visit(child, fn));
}

function add(set: Set<string>, value: unknown): void {
  if (typeof value === "string" && value) set.add(value);
}

export function collectReferences(body: BodyNode): BodyReferences {
  const media = new Set<string>(), captions = new Set<string>(), quotes = new Set<string>();
  const sidebars = new Set<string>(), articles = new Set<string>();
  visit(body, (node) => {
    const attrs = node.attrs ?? {};
    if (node.type === "figure") {
      add(media, attrs.mediaId);
      add(captions, attrs.captionId);
    } else if (node.type === "pullQuote") add(quotes, attrs.quoteId);
    else if (node.type === "sidebar") add(sidebars, attrs.sidebarId);
    else if (node.type === "relatedStory") add(articles, attrs.articleId);
  });
  return {
    mediaIds: [...media],
    captionIds: [...captions],
    quoteIds: [...quotes],
    sidebarIds: [...sidebars],
    articleIds: [...articles],
  };
}

const BLOCK_TYPES = new Set(["paragraph", "heading", "listItem"]);

// Plain text, one block per line (marks dropped). Custom nodes contribute nothing here:
// their text lives in their own records and is indexed from there.
export function bodyToPlainText(body: BodyNode): string {
  const lines: string[] = [];
  const walk = (node: BodyNode): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    const inner = (node.content ?? []).map(walk).join("");
    if (BLOCK_TYPES.has(node.type) && node.type !== "listItem") {
      if (inner.trim()) lines.push(inner.trim());
      return "";
    }
    return inner;
  };
  walk(body);
  return lines.join("\n");
}
