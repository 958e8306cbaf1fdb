// The pieces of a story merge (lib/articles/merge/merge.ts has the rules): one value three ways, the
// body's top-level blocks, and the records those blocks own.
import { getStorySchema } from "../../editor/schema";
import type { BodyDoc, BodyNode } from "../../editor/types";
import type { ArticleInput } from "../schema";
import { mergeSequence, type SequencePart, type Side } from "./merge-sequence";
import type { RecordMaps } from "./merge-describe";

export const RECORDS = {
  quotes: { label: "Pull quote", changed: "pull quotes", fields: { text: "words", speaker: "speaker", speakerDescription: "who they are", context: "context" } },
  captions: { label: "Photo caption", changed: "photo captions", fields: { text: "caption", mediaId: "photo" } },
  sidebars: { label: "Sidebar", changed: "sidebars", fields: { heading: "heading", body: "text" } },
} as const;
export type RecordKind = keyof typeof RECORDS;
export type AnyRecord = { id: string } & Record<string, unknown>;
export type RecordMerge = { kind: RecordKind; id: string; record: AnyRecord; clashes: string[]; isFromTheirs: boolean };

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const isSame = (a: unknown, b: unknown) => (typeof a === "string" && typeof b === "string" ? a.trim() === b.trim() : stableJson(a) === stableJson(b));

export function mergeValue<T>(base: T, mine: T, theirs: T): { value: T; from: "base" | Side | "same" } | null {
  if (isSame(mine, theirs)) return { value: mine, from: isSame(mine, base) ? "base" : "same" };
  if (isSame(mine, base)) return { value: theirs, from: "theirs" };
  if (isSame(theirs, base)) return { value: mine, from: "mine" };
  return null;
}

// A block in the form the editor makes it (defaults filled in, keys sorted), so one block stored by a
// seed, by PostgreSQL's jsonb or by the editor compares equal.
export function canonicalBlock(node: BodyNode): string {
  try {
    return stableJson(getStorySchema().nodeFromJSON(node).toJSON());
  } catch {
    return stableJson(node);
  }
}

const OWNED: Record<string, { attribute: string; kind: RecordKind }> = {
  pullQuote: { attribute: "quoteId", kind: "quotes" },
  sidebar: { attribute: "sidebarId", kind: "sidebars" },
  figure: { attribute: "captionId", kind: "captions" },
};

export function ownedKey(node: BodyNode): string | null {
  const owned = OWNED[node.type];
  const id = owned ? node.attrs?.[owned.attribute] : null;
  return typeof id === "string" && id ? `${owned.kind}#${id}` : null;
}

const recordOf = (maps: RecordMaps, key: string | null) => {
  const [kind, id] = (key ?? "").split("#") as [RecordKind, string];
  return key ? maps[kind].get(id) : undefined;
};
const blocksOf = (body: unknown): BodyNode[] => ((body as BodyDoc | null)?.content ?? []).filter((node) => node && typeof node === "object");

export type SideMaps = Record<"base" | Side, RecordMaps>;

export function mergeBody(base: ArticleInput, mine: ArticleInput, theirs: ArticleInput, maps: SideMaps): SequencePart<BodyNode>[] {
  const canonical = new Map<BodyNode, string>();
  const content = (node: BodyNode) => canonical.get(node) ?? canonical.set(node, canonicalBlock(node)).get(node)!;
  return mergeSequence(blocksOf(base.body), blocksOf(mine.body), blocksOf(theirs.body), {
    identity: (node) => ownedKey(node) ?? `=${content(node)}`,
    content,
    isEditedBeyondContent: (before, _after, side) => !isSame(recordOf(maps.base, ownedKey(before)), recordOf(maps[side], ownedKey(before))),
    isFiller: (node) => node.type === "paragraph" && !node.content?.length,
  });
}

// Each record of any side, merged field by field; `clashes` names the fields both changed differently.
export function mergeRecords(maps: SideMaps): RecordMerge[] {
  return (Object.keys(RECORDS) as RecordKind[]).flatMap((kind) => {
    const get = (side: keyof typeof maps, id: string) => maps[side][kind].get(id) as AnyRecord | undefined;
    const ids = new Set([...maps.base[kind].keys(), ...maps.mine[kind].keys(), ...maps.theirs[kind].keys()]);
    return [...ids].map((id) => {
      const [b, m, t] = [get("base", id), get("mine", id), get("theirs", id)];
      const merge: RecordMerge = { kind, id, record: { ...(t ?? m ?? b)!, id }, clashes: [], isFromTheirs: !!t && !m && !b };
      if (!m || !t) return merge;
      for (const field of Object.keys(RECORDS[kind].fields)) {
        const merged = mergeValue(b?.[field], m[field], t[field]);
        if (!merged) merge.clashes.push(field);
        else merge.record[field] = merged.value;
        if (merged?.from === "theirs") merge.isFromTheirs = true;
      }
      return merge;
    });
  });
}
