// Tiptap JSON builders that produce exactly what the editor saves (editor.getJSON(), i.e.
// ProseMirror's toJSON with every attribute filled in): text nodes with their marks, links
// with the link extension's full attribute set, story nodes with both their attributes.
// tests/hostile/bench-seed.test.ts checks a seeded body equals its normalised form.
import type { BodyDoc, BodyMark, BodyNode } from "../../lib/editor/types";

export type Inline = string | BodyNode;

const BOLD: BodyMark = { type: "bold" };
const ITALIC: BodyMark = { type: "italic" };

const marked = (text: string, mark: BodyMark): BodyNode => ({ type: "text", marks: [mark], text });

export const bold = (text: string) => marked(text, BOLD);
export const italic = (text: string) => marked(text, ITALIC);
export const link = (text: string, href: string) => marked(text, { type: "link", attrs: { href, target: null, rel: "noopener noreferrer", class: null, title: null } });

export function paragraph(...parts: Inline[]): BodyNode {
  return { type: "paragraph", content: parts.filter((part) => part !== "").map((part) => (typeof part === "string" ? { type: "text", text: part } : part)) };
}

export const heading = (text: string): BodyNode => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
export const figure = (mediaId: string, captionId: string): BodyNode => ({ type: "figure", attrs: { mediaId, captionId } });
export const pullQuote = (quoteId: string): BodyNode => ({ type: "pullQuote", attrs: { quoteId } });
export const sidebar = (sidebarId: string): BodyNode => ({ type: "sidebar", attrs: { sidebarId } });
export const relatedStory = (articleId: string, label: string): BodyNode => ({ type: "relatedStory", attrs: { articleId, label } });
// Naming no newsletter: the block offers the main one (the attribute the editor saves as null).
export const newsletterSignup = (): BodyNode => ({ type: "newsletterSignup", attrs: { newsletterId: null } });

export const doc = (content: BodyNode[]): BodyDoc => ({ type: "doc", content });
