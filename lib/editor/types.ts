// Tiptap JSON as stored in Article.body and Sidebar.body.
export type BodyMark = { type: string; attrs?: Record<string, unknown> };
export type BodyNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  marks?: BodyMark[];
  text?: string;
};
export type BodyDoc = BodyNode & { type: "doc" };

export const EMPTY_DOC: BodyDoc = { type: "doc", content: [{ type: "paragraph" }] };

// The records a body points at, by kind, each id once in body order.
export type BodyReferences = {
  mediaIds: string[];
  captionIds: string[];
  quoteIds: string[];
  sidebarIds: string[];
  articleIds: string[];
  embedIds: string[];
};
