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
  // Sports records (lib/sports): events (score boxes, results), standings, medal tables, and the
  // seasons whose fixtures a list shows.
  sportsEventIds: string[];
  standingsIds: string[];
  medalTableIds: string[];
  competitionSeasonIds: string[];
  // The newsletters sign-up blocks offer (a block naming none offers the main one).
  newsletterIds: string[];
};
