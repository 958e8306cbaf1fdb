// Text pasted from a word processor or a wire feed keeps its paragraphs and loses its styling:
// inline styles, classes, fonts and spans go before ProseMirror parses the HTML.
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?(?:o|w|m|v):[^>]*>/gi, "")
    .replace(/<(style|script|meta|link|title|xml)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)[^>]*>/gi, "")
    .replace(/\s(?:style|class|lang|face|color|size|align|id)=("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/<\/?(?:span|font|u|s|strike|sup|sub|mark|small|big)\b[^>]*>/gi, "");
}

// Plain text (a wire feed): blank lines, or single line breaks, separate paragraphs.
export function plainTextToParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, "\n").trim();
  if (!normalized) return [];
  const blocks = normalized.includes("\n\n") ? normalized.split(/\n\s*\n/) : normalized.split("\n");
  return blocks.map((block) => block.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);
}
