import type { TextPart } from "./highlight";

export type SearchFilters = {
  sectionSlug?: string;
  // Published at or after `from`, and before `until` (both instants).
  from?: Date;
  until?: Date;
};

export type SearchRequest = SearchFilters & {
  terms: string[];
  page: number;
  pageSize: number;
  // Up to this many matches a search is ranked, above it newest first with its count stopped
  // (RANKED_MATCH_LIMIT unless given: tests give a small one to pass it with a few stories).
  matchLimit?: number;
};

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

// total: the matches counted. isTotalCapped: counting stopped there, so there are at least that
// many (total - 1 is the limit the reader is told "more than").
export type SearchResults = { hits: SearchHit[]; total: number; isTotalCapped: boolean };

// What a database search returns: the page's rows and the count.
export type SearchPage = { rows: SearchRow[]; total: number; isTotalCapped: boolean };
