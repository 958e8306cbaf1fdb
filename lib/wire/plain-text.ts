// Agency copy pasted as plain text, in the usual wire layout:
//   [EMBARGOED UNTIL <date and time>]
//   Headline
//   [By Name and Name]
//   DATELINE, Place (AGENCY) -- First paragraph...
//   Further paragraphs, separated by blank lines (or one a line).
// It has no id of its own: the guid is a hash of the text, so pasting the same copy twice is
// recognised and changes nothing.
import { createHash } from "node:crypto";
import { clean, emptyWireItem, parseWireDate, wireRefusal, type WireItem } from "./types";

const EMBARGO = /^embargo(?:ed)?(?:\s+(?:until|till|to))?\s*[:\-–]?\s*(.+)$/i;
const BYLINE = /^by\s+(.{2,200})$/i;
// "GROSSETO, Italy (AP) --", "LONDON (Reuters) -", "MELBOURNE, Jan 12 —"
const DATELINE = /^([A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{1,40})?(?:\s*\(([^()]{1,40})\))?)\s*(?:--|—|–|-)\s+\S/;

export function parsePlainText(text: string): WireItem {
  const normalised = text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const lines = normalised.split("\n").map((line) => line.trim());
  let cursor = lines.findIndex(Boolean);
  if (cursor < 0) throw wireRefusal("the text", "is empty");
  const item = emptyWireItem("text", `text:${createHash("sha256").update(normalised.trim()).digest("hex").slice(0, 32)}`);
  const embargo = EMBARGO.exec(lines[cursor]);
  if (embargo) {
    item.embargoedUntil = parseWireDate(embargo[1], `the embargo line "${clean(lines[cursor]).slice(0, 60)}"`);
    cursor = nextLine(lines, cursor);
  }
  item.headline = clean(lines[cursor]).slice(0, 200);
  cursor = nextLine(lines, cursor);
  const byline = cursor < lines.length ? BYLINE.exec(lines[cursor]) : null;
  if (byline) {
    item.bylines = [clean(byline[1])];
    cursor = nextLine(lines, cursor);
  }
  const paragraphs = paragraphsOf(lines.slice(cursor));
  const dateline = paragraphs[0] ? DATELINE.exec(paragraphs[0]) : null;
  if (dateline) {
    item.dateline = clean(dateline[1]);
    item.provider = clean(dateline[2]);
  }
  item.body = paragraphs.length ? { kind: "text", text: paragraphs.join("\n\n") } : null;
  return item;
}

function nextLine(lines: string[], from: number): number {
  let index = from + 1;
  while (index < lines.length && !lines[index]) index++;
  return index;
}

// Blank lines separate paragraphs; copy without any blank line has one paragraph a line.
function paragraphsOf(lines: string[]): string[] {
  const hasBlankLines = lines.some((line, index) => !line && index > 0 && lines[index - 1]);
  if (!hasBlankLines) return lines.filter(Boolean);
  return lines
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) => clean(block))
    .filter(Boolean);
}
