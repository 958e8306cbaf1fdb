"use client";
// The records the story's custom nodes point at (quotes, captions, sidebars) and what the node
// views need to show (photos, linked stories), shared with every node view through context.
import { createContext, useContext } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { ArticleInput } from "@/lib/articles/schema";
import type { PickerMedia, PickerStory } from "@/lib/articles/editor-queries";
import type { EmbedView } from "@/lib/editor/body-records";
import type { CreditOptions } from "@/lib/media/library/library-queries";
import type { MediaDetailsChange } from "./types";

export type QuoteRecord = ArticleInput["quotes"][number];
type CaptionRecord = ArticleInput["captions"][number];
type SidebarRecord = ArticleInput["sidebars"][number];

export type EditorRecords = {
  quotes: Record<string, QuoteRecord>;
  captions: Record<string, CaptionRecord>;
  sidebars: Record<string, SidebarRecord>;
  media: Record<string, PickerMedia>;
  stories: Record<string, PickerStory>;
};

export type RecordsApi = {
  records: EditorRecords;
  articleId: string;
  isReadOnly: boolean;
  update: (change: (records: EditorRecords) => EditorRecords) => void;
  pickMedia: () => Promise<PickerMedia | null>;
  searchStories: (query: string) => Promise<PickerStory[]>;
  // The embeds' snapshots taken so far (the save takes a new embed's).
  readEmbeds: (ids: string[]) => Promise<EmbedView[]>;
  photos: PhotoApi;
};

// The photos' own records (alt text, caption, credit) live in the media library, not in the story:
// editing them saves straight to the library, and every panel showing the photo follows.
export type PhotoApi = {
  canEdit: boolean;
  read: (ids: string[]) => Promise<PickerMedia[]>;
  saveDetails: (change: MediaDetailsChange) => Promise<ActionResult<PickerMedia>>;
  // The admin's photographer and agency lists, read once; null when they could not be read.
  creditOptions: () => Promise<CreditOptions | null>;
};

export const RecordsContext = createContext<RecordsApi | null>(null);

export function useRecords(): RecordsApi {
  const api = useContext(RecordsContext);
  if (!api) throw new Error("useRecords must be used inside the story editor");
  return api;
}

export function indexById<T extends { id: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

// The same records with these photos as they are now; the same object when nothing changed, so a
// refresh that finds nothing new re-renders nothing.
export function withFreshMedia(records: EditorRecords, fresh: PickerMedia[]): EditorRecords {
  const changed = fresh.filter((item) => JSON.stringify(records.media[item.id]) !== JSON.stringify(item));
  return changed.length ? { ...records, media: { ...records.media, ...indexById(changed) } } : records;
}
