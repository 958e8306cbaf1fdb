// Reader search: published stories matching every word, ranked, with highlighted headline and
// snippet, optionally within a section and a date range. Not cached: the space of queries is
// unbounded and would push published pages out of the page cache; each search is two indexed
// queries (the page of hits and their count, which stops past a
// thousand: see ranking.ts).
import "server-only";
import { articleHref } from "../articles/href";
import { db, isPostgres } from "../db";
import { hasMatch, splitHighlights } from "./highlight";
import { searchPostgres } from "./search-postgres";
import { searchSqlite } from "./search-sqlite";
import type { SearchHit, SearchRequest, SearchResults, SearchRow } from "./types";

function toHit(row: SearchRow): SearchHit {
  const headline = splitHighlights(row.headlineMarked ?? "");
  const marked = splitHighlights(row.snippetMarked ?? "");
  // Only the headline matched: the standfirst tells the reader what the story is.
  const snippet = hasMatch(marked) ? marked : [{ text: row.standfirst, isMatch: false }];
  return {
    id: row.id,
    href: articleHref(row.sectionSlug, row.slug),
    kicker: row.kicker,
    headline,
    snippet,
    sectionName: row.sectionName,
    publishedAt: new Date(row.publishedAt).toISOString(),
  };
}

export async function searchStories(request: SearchRequest): Promise<SearchResults> {
  if (request.terms.length === 0) return { hits: [], total: 0, isTotalCapped: false };
  const { rows, total, isTotalCapped } = await (isPostgres() ? searchPostgres(db, request) : searchSqlite(db, request));
  return { hits: rows.map(toHit), total, isTotalCapped };
}
