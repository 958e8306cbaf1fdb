// An entry's headline where one is needed (JSON-LD liveBlogUpdate, the live RSS feed): its first
// line of text, cut at a word before HEADLINE_MAX characters (search engines show about 110).
const HEADLINE_MAX = 110;

export function entryHeadline(entry: { bodyText: string }): string {
  const first =
    entry.bodyText
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "";
  if (first.length <= HEADLINE_MAX) return first;
  const cut = first.slice(0, HEADLINE_MAX - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > HEADLINE_MAX / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function entryAnchor(entryId: string): string {
  return `entry-${entryId}`;
}
