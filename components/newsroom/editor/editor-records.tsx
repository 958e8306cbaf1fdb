"use client";
// The records the story's custom nodes point at (quotes, captions, sidebars) and what the node
// views need to show (photos, linked stories), shared with every node view through context.
import { createContext, useContext } from "react";
import type { ArticleInput } from "@/lib/articles/schema";
import type { PickerMedia, PickerStory } from "@/lib/articles/editor-queries";

export type QuoteRecord = ArticleInput["quotes"][number];
export type CaptionRecord = ArticleInput["captions"][number];
export type SidebarRecord = ArticleInput["sidebars"][number];

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
