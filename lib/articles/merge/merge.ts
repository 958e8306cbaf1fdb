// Merging two saves of one story made from the same version (what a refused, 409 save needs):
// base = the story as this editor loaded or last saved it, mine = the editor's story now,
// theirs = the story as someone else has saved it since. Pure: the editor runs it in the browser.
//
// - Fields (kicker, headline, standfirst, address, section, agency line, and the hero photo with
//   its caption as one value): changed on one side only → that side's; changed on both to the
//   same value → that value; changed on both differently → a clash. Text compares trimmed, as saved.
// - Tags and bylines: merged as lists (merge-sequence.ts), a tag known by its slug, a byline by its
//   person, so additions and removals on both sides combine; any clash inside makes the whole list
//   one clash (two orders of bylines cannot be half-chosen). Teams, athletes and events likewise,
//   each known by its id.
// - Body: the top-level blocks are merged as a list. A block owning a record is known by that
//   record's id (pull quote quoteId, sidebar sidebarId, photo captionId); editing it, on the node
//   or in its record, keeps its identity. Any other block (paragraph, heading, list, related story,
//   newsletter, photo without a caption record) has no id and is known by its content in canonical
//   form (rebuilt through the story schema, keys sorted, so a seed's, PostgreSQL's and the editor's
//   JSON of one block are equal). Unchanged blocks are the anchors of the alignment; an edited
//   paragraph reads as "this one replaced by that one" at its place. Hence: a block edited on one
//   side keeps that edit; blocks added at one place on both sides are both kept, theirs first (and
//   text typed into the same empty paragraph counts as added); neighbouring edits merge; a block
//   deleted on one side and edited (node or record) on the other, or edited on both differently,
//   is a clash over that stretch of the body, offered whole from each side. A block moved on one
//   side keeps the other side's record edits; one both sides moved is kept once, at the first place.
// - Records (quotes, captions, sidebars): merged field by field per id; a field changed on both
//   sides differently is a clash (a sidebar's text is one field). The merged lists hold exactly
//   the records the merged body uses, in body order; related-story links follow the body on save.
// Nothing of theirs is replaced without a clash being shown; theirChanges says what came in.
import { collectReferences } from "../../editor/references";
import type { BodyDoc, BodyNode } from "../../editor/types";
import type { ArticleInput } from "../schema";
import { slugify } from "../slugify";
import { hasClash, mergeSequence, resolveSequence, type SequenceClash, type SequencePart, type Side } from "./merge-sequence";
import { describeBlock, describeBlocks, describeField, recordMaps, shorten, type MergeNames } from "./merge-describe";
import { RECORDS, canonicalBlock, mergeBody, mergeRecords, mergeValue, ownedKey, type AnyRecord, type RecordKind, type RecordMerge, type SideMaps } from "./merge-parts";

export type { MergeNames, Side };
export { stableJson } from "./merge-parts";
export type Clash = { id: string; label: string; mine: string; theirs: string };
export type Choices = Record<string, Side>;
type StoryMerge = {
  clashes: Clash[];
  // What of theirs the merged story takes, in words: "headline", "body", "pull quotes".
  theirChanges: string[];
  // The merged story; each clash takes the side chosen for its id.
  resolve: (choices?: Choices) => ArticleInput;
};

const FIELDS = { kicker: "Kicker", headline: "Headline", standfirst: "Standfirst", slug: "Address", sectionId: "Section", agencyLine: "Agency line", hero: "Hero photo" } as const;
type Field = keyof typeof FIELDS;

// Whether a merged list takes something of theirs that the base did not have.
function takesTheirs<T>(parts: SequencePart<T>[], content: (item: T) => string): boolean {
  const text = (items: T[]) => items.map(content).join("\n");
  return parts.some((part) => part.kind === "kept" && (part.from === "theirs" || part.from === "both") && text(part.items) !== text(part.base));
}

type Byline = ArticleInput["bylines"][number];
const bylineContent = (b: Byline) => `${b.profileId}:${b.role}`;

// The story's sports links: lists of ids, merged like tags.
const LINKS = { teamIds: "Teams", athleteIds: "Athletes", eventIds: "Events" } as const;
type LinkField = keyof typeof LINKS;
const LINK_FIELDS = Object.keys(LINKS) as LinkField[];
const sameId = (id: string) => id;

type Plan = {
  fields: Record<Field, ReturnType<typeof mergeValue> | null>;
  tags: SequencePart<string>[];
  bylines: SequencePart<Byline>[];
  links: Record<LinkField, SequencePart<string>[]>;
  body: SequencePart<BodyNode>[];
  records: RecordMerge[];
  maps: SideMaps;
};

function plan(base: ArticleInput, mine: ArticleInput, theirs: ArticleInput): Plan {
  const fieldNames = Object.keys(FIELDS) as Field[];
  const maps = { base: recordMaps(base), mine: recordMaps(mine), theirs: recordMaps(theirs) };
  return {
    fields: Object.fromEntries(fieldNames.map((field) => [field, mergeValue<unknown>(base[field], mine[field], theirs[field])])) as Plan["fields"],
    tags: mergeSequence(base.tagNames, mine.tagNames, theirs.tagNames, { identity: slugify, content: slugify }),
    bylines: mergeSequence(base.bylines, mine.bylines, theirs.bylines, { identity: (b) => b.profileId, content: bylineContent }),
    links: Object.fromEntries(LINK_FIELDS.map((field) => [field, mergeSequence(base[field], mine[field], theirs[field], { identity: sameId, content: sameId })])) as Plan["links"],
    body: mergeBody(base, mine, theirs, maps),
    records: mergeRecords(maps),
    maps,
  };
}

const bodyClashId = (clash: SequenceClash<BodyNode>) => `body:${clash.start}-${clash.end}`;
const recordClashId = (record: { kind: RecordKind; id: string }, field: string) => `${record.kind}:${record.id}:${field}`;

function recordClashes(p: Plan, names: MergeNames): Clash[] {
  return p.records.flatMap((record) => {
    const kind = RECORDS[record.kind];
    const [mine, theirs] = [p.maps.mine, p.maps.theirs].map((maps) => maps[record.kind].get(record.id) as AnyRecord);
    const about = shorten(String(theirs?.text ?? theirs?.heading ?? ""), 40);
    return record.clashes.map((field) => ({
      id: recordClashId(record, field),
      label: `${kind.label}${about ? ` “${about}”` : ""}: ${kind.fields[field as keyof typeof kind.fields]}`,
      mine: describeField(field, mine[field], names),
      theirs: describeField(field, theirs[field], names),
    }));
  });
}

function clashesOf(p: Plan, mine: ArticleInput, theirs: ArticleInput, names: MergeNames): Clash[] {
  const side = (field: string, value: { mine: unknown; theirs: unknown }) => ({ mine: describeField(field, value.mine, names), theirs: describeField(field, value.theirs, names) });
  const fields = (Object.keys(FIELDS) as Field[]).filter((field) => !p.fields[field]).map((field) => ({ id: field, label: FIELDS[field], ...side(field, { mine: mine[field], theirs: theirs[field] }) }));
  const lists = ([["tagNames", "Tags", p.tags], ["bylines", "Bylines", p.bylines], ...LINK_FIELDS.map((field) => [field, LINKS[field], p.links[field]] as const)] as const)
    .filter(([, , parts]) => hasClash<unknown>(parts))
    .map(([field, label]) => ({ id: field, label, ...side(field, { mine: mine[field], theirs: theirs[field] }) }));
  const body = p.body
    .filter((part) => part.kind === "clash")
    .map((part) => {
      const about = part.base.length ? part.base : part.theirs.length ? part.theirs : part.mine;
      return {
        id: bodyClashId(part),
        label: `Body: ${shorten(describeBlock(about[0], p.maps.base, names))}`,
        mine: describeBlocks(part.mine, p.maps.mine, names),
        theirs: describeBlocks(part.theirs, p.maps.theirs, names),
      };
    });
  return [...fields, ...lists, ...body, ...recordClashes(p, names)];
}

function theirChangesOf(p: Plan): string[] {
  const changes = (Object.keys(FIELDS) as Field[]).filter((field) => p.fields[field]?.from === "theirs").map((field) => FIELDS[field].toLowerCase());
  if (!hasClash(p.tags) && takesTheirs(p.tags, slugify)) changes.push("tags");
  if (!hasClash(p.bylines) && takesTheirs(p.bylines, bylineContent)) changes.push("bylines");
  for (const field of LINK_FIELDS) if (!hasClash(p.links[field]) && takesTheirs(p.links[field], sameId)) changes.push(LINKS[field].toLowerCase());
  if (takesTheirs(p.body, canonicalBlock)) changes.push("body");
  const records = p.records.filter((record) => record.isFromTheirs).map((record) => RECORDS[record.kind].changed);
  return [...changes, ...new Set(records)];
}

function resolvePlan(p: Plan, mine: ArticleInput, theirs: ArticleInput, choices: Choices): ArticleInput {
  const choose = (id: string): Side => {
    const side = choices[id];
    if (side !== "mine" && side !== "theirs") throw new Error(`No choice was made for the clash "${id}".`);
    return side;
  };
  const story = (id: string) => (choose(id) === "mine" ? mine : theirs);
  const fields = Object.fromEntries((Object.keys(FIELDS) as Field[]).map((field) => [field, p.fields[field] ? p.fields[field].value : story(field)[field]]));
  const blocks = resolveSequence(p.body, (part) => choose(bodyClashId(part)), ownedKey);
  const body: BodyDoc = { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] };
  const refs = collectReferences(body);
  const recordsOf = (kind: RecordKind, ids: string[]) =>
    ids.flatMap((id) => {
      const merge = p.records.find((record) => record.kind === kind && record.id === id);
      const chosen = merge?.clashes.map((field) => [field, (choose(recordClashId(merge, field)) === "mine" ? p.maps.mine : p.maps.theirs)[kind].get(id)![field as never]]);
      return merge ? [{ ...merge.record, ...Object.fromEntries(chosen ?? []) }] : [];
    });
  return {
    ...theirs,
    ...(fields as Pick<ArticleInput, Field>),
    tagNames: hasClash(p.tags) ? story("tagNames").tagNames : resolveSequence(p.tags, () => "theirs", slugify),
    bylines: hasClash(p.bylines)
      ? story("bylines").bylines
      : resolveSequence(
          p.bylines,
          () => "theirs",
          (b) => b.profileId,
        ),
    ...(Object.fromEntries(LINK_FIELDS.map((field) => [field, hasClash(p.links[field]) ? story(field)[field] : resolveSequence(p.links[field], () => "theirs", sameId)])) as Pick<ArticleInput, LinkField>),
    body,
    quotes: recordsOf("quotes", refs.quoteIds) as ArticleInput["quotes"],
    captions: recordsOf("captions", refs.captionIds) as ArticleInput["captions"],
    sidebars: recordsOf("sidebars", refs.sidebarIds) as ArticleInput["sidebars"],
  };
}

export function mergeStories(base: ArticleInput, mine: ArticleInput, theirs: ArticleInput, names: MergeNames = {}): StoryMerge {
  const p = plan(base, mine, theirs);
  return { clashes: clashesOf(p, mine, theirs, names), theirChanges: theirChangesOf(p), resolve: (choices = {}) => resolvePlan(p, mine, theirs, choices) };
}
