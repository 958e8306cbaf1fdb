// How the two sides of a merge clash read to a person: plain text for fields, lists and blocks,
// with names instead of ids where the editor knows them.
import { blockOf } from "../../editor/blocks";
import { bodyToPlainText } from "../../editor/references";
import type { BodyDoc, BodyNode } from "../../editor/types";
import type { ArticleInput } from "../schema";

export type RecordMaps = {
  quotes: Map<string, ArticleInput["quotes"][number]>;
  captions: Map<string, ArticleInput["captions"][number]>;
  sidebars: Map<string, ArticleInput["sidebars"][number]>;
};

// How ids read (the editor knows the names of sections, people and photos).
export type MergeNames = Partial<Record<"section" | "profile" | "media" | "team" | "athlete" | "event", (id: string) => string | undefined>>;

const LINK_NAMES = { teamIds: ["team", "(no teams)"], athleteIds: ["athlete", "(no athletes)"], eventIds: ["event", "(no events)"] } as const;

const EMPTY = "(empty)";
const plain = (body: unknown) => bodyToPlainText((body ?? { type: "doc" }) as BodyDoc);
const nameOf = (names: MergeNames, kind: keyof MergeNames, id: string) => names[kind]?.(id) ?? id;

export function recordMaps(story: ArticleInput): RecordMaps {
  return {
    quotes: new Map(story.quotes.map((r) => [r.id, r])),
    captions: new Map(story.captions.map((r) => [r.id, r])),
    sidebars: new Map(story.sidebars.map((r) => [r.id, r])),
  };
}

// A story block by its module's own words; any other block by its text.
export function describeBlock(node: BodyNode, records: RecordMaps, names: MergeNames = {}): string {
  const block = blockOf(node);
  if (!block) return plain({ type: "doc", content: [node] }) || "(empty paragraph)";
  return block.describe(node.attrs ?? {}, {
    quote: (id) => records.quotes.get(id),
    caption: (id) => records.captions.get(id)?.text,
    sidebar: (id) => {
      const sidebar = records.sidebars.get(id);
      return sidebar && { heading: sidebar.heading, text: plain(sidebar.body) };
    },
    mediaName: (id) => nameOf(names, "media", id),
  });
}

export function describeBlocks(nodes: BodyNode[], records: RecordMaps, names: MergeNames = {}): string {
  return nodes.length ? nodes.map((node) => describeBlock(node, records, names)).join("\n") : "(removed)";
}

export function describeField(field: string, value: unknown, names: MergeNames = {}): string {
  if (field === "sectionId") return typeof value === "string" ? nameOf(names, "section", value) : "(no section)";
  if (field === "hero") {
    const hero = value as ArticleInput["hero"];
    return hero ? `Photo ${nameOf(names, "media", hero.mediaId)}: ${hero.caption || "(no caption)"}` : "(no hero photo)";
  }
  if (field in LINK_NAMES) {
    const [kind, none] = LINK_NAMES[field as keyof typeof LINK_NAMES];
    return (value as string[]).map((id) => nameOf(names, kind, id)).join(", ") || none;
  }
  if (field === "tagNames") return (value as string[]).join(", ") || "(no tags)";
  if (field === "bylines") {
    const bylines = value as ArticleInput["bylines"];
    return bylines.map((b) => `${nameOf(names, "profile", b.profileId)} (${b.role.toLowerCase()})`).join(", ") || "(no bylines)";
  }
  if (field === "body") return plain(value) || EMPTY;
  if (field === "mediaId") return `Photo ${nameOf(names, "media", String(value))}`;
  return typeof value === "string" ? value || EMPTY : JSON.stringify(value);
}

// A short reminder of which stretch of text a clash is about.
export function shorten(text: string, length = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
