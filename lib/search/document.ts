// The text of a story that search reads, built the same way for both databases.
import { bodyToPlainText } from "../editor/references";
import type { BodyDoc } from "../editor/types";

export type SearchSource = {
  headline: string;
  standfirst: string;
  bodyText: string;
  sidebars: { heading: string; body: unknown }[];
  captions: { text: string }[];
  quotes: { text: string; speaker: string }[];
};

export type SearchDocument = { headline: string; standfirst: string; body: string; captions: string; quotes: string };

export function toSearchDocument(source: SearchSource): SearchDocument {
  const sidebars = source.sidebars.map((sidebar) => `${sidebar.heading}\n${bodyToPlainText(sidebar.body as BodyDoc)}`);
  return {
    headline: source.headline,
    standfirst: source.standfirst,
    body: [source.bodyText, ...sidebars].filter(Boolean).join("\n"),
    captions: source.captions.map((caption) => caption.text).join("\n"),
    quotes: source.quotes.map((quote) => `${quote.text} ${quote.speaker}`).join("\n"),
  };
}
