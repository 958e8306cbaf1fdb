// When search ranks its matches, and how far it counts them, the same on both databases.
import type { SearchRequest } from "./types";

// Above this many matches a search is ordered newest first: a word in thousands of stories says
// little about which is most relevant, and ranking them all would cost far more than the page.
export const RANKED_MATCH_LIMIT = 1000;

// How many matches a search counts before it stops: the ranking limit, or the end of the page asked
// for when that is further. Counting every story a common word is in costs a check of every one of
// them (on PostgreSQL, reading each story's whole index entry: 0.5-2 s at 100,000 stories), and the
// reader learns no more from "52,318" than from "more than 1,000". Counting to the end of the page
// keeps every match reachable: a page past the limit still knows whether an older one follows.
export function countLimit(request: Pick<SearchRequest, "page" | "pageSize" | "matchLimit">): number {
  return Math.max(rankedLimit(request), request.page * request.pageSize);
}

export function rankedLimit(request: Pick<SearchRequest, "matchLimit">): number {
  return request.matchLimit ?? RANKED_MATCH_LIMIT;
}

// What a count stopped at countLimit means: counted is at most limit + 1, and limit + 1 says "more
// than limit".
export function countedMatches(counted: number, limit: number): { total: number; isTotalCapped: boolean } {
  return { total: counted, isTotalCapped: counted > limit };
}

// Ranked only when the matches are few enough, whichever page is asked for (a count that went on
// to the end of a later page still says whether the ranking limit was passed), so that paging
// never switches from one order to the other.
export function isRankedSearch(request: Pick<SearchRequest, "matchLimit">, total: number): boolean {
  return total <= rankedLimit(request);
}
