// An oEmbed answer's markup reduced to the words a reader sees: scripts, styles and every tag go,
// entities are decoded, whitespace collapses. The result is only ever rendered as text (React
// escapes it), so even a hostile answer becomes harmless words.
const DROPPED_ELEMENTS = /<(script|style|iframe|object|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const BREAKS = /<(?:br|\/p|\/div|\/blockquote|\/li|\/h\d)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "";
  });
}

export function markupToText(markup: string, maxLength: number): string {
  const text = markup
    .replace(DROPPED_ELEMENTS, " ")
    .replace(BREAKS, "\n")
    .replace(/<[^>]*>?/g, " ");
  return decodeEntities(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n")
    .slice(0, maxLength);
}
