// The one check every schema applies to text a person sends: characters no database keeps the
// same way are refused with a message, never stored. PostgreSQL rejects NUL (U+0000) in text
// outright (a 500 before this), SQLite stores it and it reaches the page; a lone UTF-16 surrogate
// (half an emoji, from a cut string or a hostile client) cannot be encoded as UTF-8 at all.
import { z } from "zod";
import { AppError } from "./errors";

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "contains a character that cannot be stored (a NUL or half of an emoji): retype it";

export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}

// z.string() for text from outside: trimmed, refused when it holds an unstorable character.
export function textInput(): z.ZodString {
  return z
    .string()
    .trim()
    .regex(new RegExp(`^(?:(?!${UNSTORABLE.source})[\\s\\S])*$`), UNSTORABLE_MESSAGE);
}

// An id from outside (a story's, a revision's, a link's): any text without an unstorable
// character, so a NUL sent as an id is refused here rather than by PostgreSQL.
export function idInput(): z.ZodString {
  return z
    .string()
    .min(1, "is missing")
    .max(40, "is not a valid id")
    .regex(new RegExp(`^(?:(?!${UNSTORABLE.source})[\\s\\S])*$`), "is not a valid id");
}

// What a person typed into a search box, ready for a `contains` filter: trimmed and cut to `max`.
// An unstorable character is refused with INVALID (422), the same on both databases.
export function searchInput(raw: string, max: number): string {
  if (hasUnstorableCharacters(raw)) throw new AppError("INVALID", `The search ${UNSTORABLE_MESSAGE}.`);
  return raw.trim().slice(0, max);
}
