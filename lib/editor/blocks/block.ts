// What a story block is, in one place: its schema node (no React, so the server renders without a
// DOM), the records it points at, how the server checks it, what it gives search and what the
// publish gate asks of it. lib/editor/blocks/index.ts lists them; nothing else names a block.
import { Node, mergeAttributes } from "@tiptap/core";
import type { PublishProblem } from "../../articles/publish/publish-problems";
import { isRecordId } from "../record-id";
import type { BodyNode, BodyReferences } from "../types";
import { referenceAttribute } from "./reference-attribute";

export type BlockAttrs = Record<string, unknown>;

// A record id the block holds in `attr`, collected into `records` of the body's references.
type BlockReference = { attr: string; records: keyof BodyReferences };

// What the publish gate has loaded for a story: its own records, and the stories it links to.
export type GateRecords = {
  quotes: { id: string; text: string; speaker: string }[];
  sidebars: { id: string; heading: string }[];
  relatedLinks: { toArticleId: string; toArticle: { headline: string; status: string } }[];
};

// `nodes`: this block's nodes in body order.
export type GateInput = { nodes: BodyNode[]; records: GateRecords };

// What a merge comparison can look up to describe a block in words (names instead of ids).
type BlockLookup = {
  quote: (id: string) => { text: string; speaker: string } | undefined;
  caption: (id: string) => string | undefined;
  sidebar: (id: string) => { heading: string; text: string } | undefined;
  mediaName: (id: string) => string;
};

export type BlockModule<Name extends string = string> = {
  name: Name;
  node: Node;
  references: readonly BlockReference[];
  // Problems with a node's attributes (known names and plain values are already checked).
  validate: (attrs: BlockAttrs) => string[];
  // Text this block adds to the story's search text, one line ("" for none).
  searchText: (node: BodyNode) => string;
  // Problems that keep the story from being published.
  gate?: (input: GateInput) => PublishProblem[];
  // How the block reads to a person comparing two versions (lib/articles/merge/merge-describe.ts).
  describe: (attrs: BlockAttrs, lookup: BlockLookup) => string;
};

export function defineBlock<Name extends string>(block: BlockModule<Name>): BlockModule<Name> {
  if (block.node.name !== block.name) throw new Error(`Block "${block.name}" declares a node named "${block.node.name}"`);
  return block;
}

// An atom block rendered as <tag data-type="name" data-…-id="…">, with these reference attributes.
export function atomNode(name: string, tag: string, references: Record<string, string> = {}) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return Object.fromEntries(Object.entries(references).map(([attr, dataName]) => [attr, referenceAttribute(attr, dataName)]));
    },
    parseHTML() {
      return [{ tag: `${tag}[data-type="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes({ "data-type": name }, HTMLAttributes)];
    },
  });
}

export function needsRecordId(type: string, attrs: BlockAttrs, name: string): string[] {
  return isRecordId(attrs[name]) ? [] : [`"${type}" needs a valid ${name}`];
}

// An id a draft may leave empty; when given it must be valid.
export function mayHaveRecordId(attrs: BlockAttrs, name: string, message: string): string[] {
  return attrs[name] == null || isRecordId(attrs[name]) ? [] : [message];
}

export const noSearchText = (): string => "";

// A string attribute, or "" (for looking records up by id).
export const textAttr = (attrs: BlockAttrs, name: string): string => (typeof attrs[name] === "string" ? (attrs[name] as string) : "");
