// Highlighted text from the database: matches are wrapped in two control characters that cannot
// be confused with HTML, then split into parts the page renders as text and <mark> elements
// (React escapes every part, so nothing in a story can become markup).
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export type TextPart = { text: string; isMatch: boolean };

export function splitHighlights(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let isMatch = false;
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === MATCH_START) isMatch = true;
    else if (piece === MATCH_END) isMatch = false;
    else if (piece) parts.push({ text: piece, isMatch });
  }
  return parts;
}

export function hasMatch(parts: TextPart[]): boolean {
  return parts.some((part) => part.isMatch);
}
