// The records a story body's blocks show, loaded by id (lib/articles/page/article-page.ts) and handed
// to the reader's renderer (components/site/story/story-body.tsx).
import type { MediaView } from "../media/views";
import type { BodyDoc } from "./types";

export type RelatedTeaser = { id: string; headline: string; kicker: string; href: string };

export type QuoteView = { id: string; text: string; speaker: string; speakerDescription: string; context: string };

export type SidebarView = { id: string; heading: string; body: BodyDoc };

export type BodyRecords = {
  media: Map<string, MediaView>;
  captions: Map<string, string>;
  quotes: Map<string, QuoteView>;
  sidebars: Map<string, SidebarView>;
  articles: Map<string, RelatedTeaser>;
};
