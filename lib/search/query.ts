// A reader's search box text turned into plain words. Only letters and digits survive, so no
// FTS5 or tsquery operator, quote or SQL fragment can reach the database as syntax; each word is
// then quoted for FTS5 (toFtsMatch) or joined for plainto_tsquery (toTsQueryText).
export const MAX_QUERY_LENGTH = 500;
export const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 40;

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export type SearchTerms = {
  // What the reader typed, trimmed and cut to MAX_QUERY_LENGTH: shown back in the search box.
  text: string;
  // Lower-cased words, at most MAX_TERMS, without repeats. Empty: nothing to search for.
  terms: string[];
  isShortened: boolean;
};

export function parseSearchTerms(raw: string | null | undefined): SearchTerms {
  const trimmed = (raw ?? "").replace(/\s+/g, " ").trim();
  const text = [...trimmed].slice(0, MAX_QUERY_LENGTH).join("");
  const words = (text.normalize("NFKC").toLowerCase().match(WORD) ?? []).map((word) => word.slice(0, MAX_TERM_LENGTH));
  const unique = [...new Set(words)];
  return { text, terms: unique.slice(0, MAX_TERMS), isShortened: text.length < trimmed.length || unique.length > MAX_TERMS };
}

// `"harbour" "city"`: every word must appear (FTS5 implicit AND), each as a quoted string.
export function toFtsMatch(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, "")}"`).join(" ");
}

// "harbour city" for plainto_tsquery, which ANDs the words and ignores any punctuation.
export function toTsQueryText(terms: readonly string[]): string {
  return terms.join(" ");
}
