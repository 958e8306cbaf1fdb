// Just enough XML writing for feeds and sitemaps: text is escaped and characters XML 1.0 forbids
// (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so any story text is safe.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

// <name attrs>escaped text</name>; children that are already XML go through `raw`.
export function el(name: string, text: string | number, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(String(text))}</${name}>`;
}

export function raw(name: string, children: string[], attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${children.join("")}</${name}>`;
}

export function empty(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
