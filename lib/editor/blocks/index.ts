// THE SERVER REGISTRY of story blocks: what the validator, the save path, search, the publish gate
// and the schema (lib/editor/extensions.ts, so also the editor) know about each block.
//
// Adding a block "xyz" (see STYLE.md, "Adding a story block"):
//   1. lib/editor/blocks/xyz/index.ts: defineBlock({ name, node, references, validate, searchText,
//      gate? }); add it to blocks/round-trip.test.ts (the HTML round trip every block must pass).
//   2. components/newsroom/editor/node-views/xyz-view.tsx: how editors edit it, and what its
//      toolbar button inserts (a BlockInsert).
//   3. components/site/story/xyz.tsx: how readers see it.
//   4. One line here, one in the client registry (components/newsroom/editor/node-views/index.ts:
//      view, toolbar button) and one in the reader registry (components/site/story/story-blocks.tsx).
//      Both of those are typed by BlockName, so the compiler names a block that one of them lacks.
//      (The reader registry is apart from this one because lib never imports components.)
import type { BodyNode } from "../types";
import type { BlockModule } from "./block";
import { embed } from "./embed";
import { fixturesList } from "./fixtures-list";
import { figure } from "./figure";
import { medalTable } from "./medal-table";
import { newsletterSignup } from "./newsletter-signup";
import { pullQuote } from "./pull-quote";
import { relatedStory } from "./related-story";
import { resultsTable } from "./results-table";
import { scoreBox } from "./score-box";
import { sidebar } from "./sidebar";
import { standingsTable } from "./standings-table";

// In this order the publish gate lists their problems and the toolbar's schema holds them.
export const BLOCKS = [figure, pullQuote, sidebar, relatedStory, newsletterSignup, embed, scoreBox, resultsTable, standingsTable, medalTable, fixturesList] as const;

export type BlockName = (typeof BLOCKS)[number]["name"];

const BY_NAME: ReadonlyMap<string, BlockModule> = new Map(BLOCKS.map((block) => [block.name, block]));

export function blockOf(node: BodyNode | null | undefined): BlockModule | undefined {
  return node && typeof node.type === "string" ? BY_NAME.get(node.type) : undefined;
}
