// The text the Wire screen searches: headline, abstract and body as a reader would read them (the
// body through the same conversion the draft gets, so markup and dropped elements are not searched).
import { bodyToPlainText } from "../editor/references";
import { wireBodyToDoc } from "./body";
import type { WireItem } from "./types";

const MAX_SEARCH_TEXT = 100_000;

export function wireSearchText(item: WireItem): string {
  const body = bodyToPlainText(wireBodyToDoc(item.body, item.dateline));
  return [item.headline, item.abstract, body].filter(Boolean).join("\n").slice(0, MAX_SEARCH_TEXT);
}
