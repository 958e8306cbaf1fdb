// What a body refers to, its blocks and its plain text, read in one walk by asking the block
// modules: used to load everything a page needs in one query plan, to keep quote/caption/sidebar/
// related-link records in step, for the publish gate and for search.
import { blockOf } from "./blocks";
import { walkBody, type BodyVisitor } from "./walk";
import type { BodyNode, BodyReferences } from "./types";

export type { BodyReferences };

// `blocks`: every story block node, in body order.
export type BodyFacts = { references: BodyReferences; blocks: BodyNode[]; text: string };

const TEXT_BLOCKS = new Set(["paragraph", "heading"]);

// A visitor that gathers a body's facts as the walk goes; `facts()` once the walk is done.
export function factsReader(): { visitor: BodyVisitor; facts: () => BodyFacts } {
  const ids: Record<keyof BodyReferences, Set<string>> = {
    mediaIds: new Set(),
    captionIds: new Set(),
    quoteIds: new Set(),
    sidebarIds: new Set(),
    articleIds: new Set(),
    embedIds: new Set(),
    sportsEventIds: new Set(),
    standingsIds: new Set(),
    medalTableIds: new Set(),
    competitionSeasonIds: new Set(),
    newsletterIds: new Set(),
  };
  const blocks: BodyNode[] = [];
  const lines: string[] = [];
  let open = 0;
  let line = "";
  const addLine = (text: string) => {
    if (text.trim()) lines.push(text.trim());
  };
  const visitor: BodyVisitor = {
    enter(node) {
      if (!node || typeof node !== "object") return false;
      const block = blockOf(node);
      if (block) {
        blocks.push(node);
        for (const { attr, records } of block.references) {
          const value = node.attrs?.[attr];
          if (typeof value === "string" && value) ids[records].add(value);
        }
        addLine(block.searchText(node));
      } else if (TEXT_BLOCKS.has(node.type)) {
        if (open++ === 0) line = "";
      } else if (open > 0 && node.type === "text") line += node.text ?? "";
      else if (open > 0 && node.type === "hardBreak") line += "\n";
    },
    leave(node) {
      if (node && TEXT_BLOCKS.has(node.type) && --open === 0) addLine(line);
    },
  };
  const facts = (): BodyFacts => ({
    references: Object.fromEntries(Object.entries(ids).map(([kind, set]) => [kind, [...set]])) as BodyReferences,
    blocks,
    text: lines.join("\n"),
  });
  return { visitor, facts };
}

export function readBody(body: BodyNode): BodyFacts {
  const reader = factsReader();
  walkBody(body, reader.visitor);
  return reader.facts();
}

export function collectReferences(body: BodyNode): BodyReferences {
  return readBody(body).references;
}

// Plain text, one paragraph or heading per line (marks dropped), plus what blocks give search.
export function bodyToPlainText(body: BodyNode): string {
  return readBody(body).text;
}
