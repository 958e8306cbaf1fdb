// The records a story body's blocks show, loaded by id (lib/articles/page/article-page.ts) and handed
// to the reader's renderer (components/site/story/story-body.tsx).
import type { MediaView } from "../media/views";
import type { BodyDoc } from "./types";
import type { SportsBlockRecords } from "../sports/blocks/views";

export type RelatedTeaser = { id: string; headline: string; kicker: string; href: string };

export type QuoteView = { id: string; text: string; speaker: string; speakerDescription: string; context: string };

export type SidebarView = { id: string; heading: string; body: BodyDoc };

// An embed's snapshot as readers see it; `isLinkCard`: the provider could not be reached when it
// was taken, so only the address and the provider's name are shown.
export type EmbedView = {
  id: string;
  url: string;
  provider: string;
  title: string;
  authorName: string;
  authorUrl: string | null;
  text: string;
  playerUrl: string | null;
  thumbnail: MediaView | null;
  isLinkCard: boolean;
};

// A sign-up block's newsletter. `sourceArticleId`: the story the form is in (stored with the
// sign-up), null where there is no story (a wire item's preview).
export type NewsletterBlockView = { id: string; name: string; description: string; consentText: string };
export type NewsletterBlockRecords = { byId: Map<string, NewsletterBlockView>; main: NewsletterBlockView | null; sourceArticleId: string | null };

export type BodyRecords = {
  media: Map<string, MediaView>;
  captions: Map<string, string>;
  quotes: Map<string, QuoteView>;
  sidebars: Map<string, SidebarView>;
  articles: Map<string, RelatedTeaser>;
  embeds: Map<string, EmbedView>;
  sports: SportsBlockRecords;
  newsletters: NewsletterBlockRecords;
};
