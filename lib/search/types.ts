import type { TextPart } from "./highlight";

export type SearchFilters = {
  sectionSlug?: string;
  // Published at or after `from`, and before `until` (both instants).
  from?: Date;
  until?: Date;
};

export type SearchRequest = SearchFilters & { terms: string[]; page: number; pageSize: number };

// One row as both databases return it; the marked texts carry MATCH_START/MATCH_END.
export type SearchRow = {
  id: string;
  slug: string;
  kicker: string;
  standfirst: string;
  publishedAt: Date | string;
  sectionSlug: string;
  sectionName: string;
  headlineMarked: string;
  snippetMarked: string;
};

export type SearchHit = {
  id: string;
  href: string;
  kicker: string;
  headline: TextPart[];
  snippet: TextPart[];
  sectionName: string;
  publishedAt: string;
};

export type SearchResults = { hits: SearchHit[]; total: number };
