// A published or scheduled story has a live version (the story's own rows, which readers, feeds,
// sitemaps, search, JSON-LD, teasers and the page cache read) and, once someone edits it, a
// working copy (one WorkingCopy row holding an ArticleSnapshot). Saves write the working copy
// only; the live version changes only through lib/articles/publish/update-live.ts.
import type { Tx } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";
import { collectReferences } from "../../editor/references";
import type { BodyDoc, BodyReferences } from "../../editor/types";
import { ArticleInput } from "../schema";
import { slugify } from "../slugify";
import { readSnapshot, type ArticleSnapshot } from "../history/snapshot";
import { compareSnapshots } from "../history/compare-snapshots";
import { isSameSnapshot } from "../history/revisions";

export function keepsWorkingCopy(status: string): boolean {
  return status === "PUBLISHED" || status === "SCHEDULED";
}

export async function readWorkingCopy(tx: Tx, articleId: string): Promise<ArticleSnapshot | null> {
  const row = await tx.workingCopy.findUnique({ where: { articleId }, select: { snapshot: true } });
  return row ? ArticleInput.parse(row.snapshot) : null;
}

// What the editor shows: the working copy if there is one, else the story itself.
export async function readEditableSnapshot(tx: Tx, articleId: string): Promise<ArticleSnapshot> {
  return (await readWorkingCopy(tx, articleId)) ?? readSnapshot(tx, articleId);
}

// The snapshot as the story's rows would hold it after a save: tags once each, only the records
// the body refers to, in a stable order. Lets a working copy be compared with the live version.
// `refs`: what the body refers to, when the caller has already walked it.
export function normalizeSnapshot(snapshot: ArticleSnapshot, refs: BodyReferences = collectReferences(snapshot.body as BodyDoc)): ArticleSnapshot {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const tags = [...new Map(snapshot.tagNames.map((name) => [slugify(name), name])).entries()].filter(([slug]) => slug).map(([, name]) => name);
  const once = (ids: string[]) => [...new Set(ids)];
  return {
    ...snapshot,
    tagNames: tags,
    teamIds: once(snapshot.teamIds),
    athleteIds: once(snapshot.athleteIds),
    eventIds: once(snapshot.eventIds),
    quotes: snapshot.quotes.filter((q) => refs.quoteIds.includes(q.id)).sort(byId),
    captions: snapshot.captions.filter((c) => refs.captionIds.includes(c.id)).sort(byId),
    sidebars: snapshot.sidebars.filter((s) => refs.sidebarIds.includes(s.id)).sort(byId),
  };
}

export function isSameStory(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return isSameSnapshot(normalizeSnapshot(a), normalizeSnapshot(b));
}

// "3 unpublished changes": each changed field counts once, each changed run of body lines once.
export function countChanges(live: ArticleSnapshot, working: ArticleSnapshot): number {
  const { fields, body } = compareSnapshots(normalizeSnapshot(live), normalizeSnapshot(working));
  let runs = 0;
  body.forEach((line, i) => {
    if (line.kind !== "same" && (i === 0 || body[i - 1].kind === "same")) runs += 1;
  });
  return fields.length + runs;
}

// Writes the working copy, or removes it when it has come back to what is live.
export async function storeWorkingCopy(tx: Tx, articleId: string, snapshot: ArticleSnapshot, editorId: string): Promise<void> {
  const live = await readSnapshot(tx, articleId);
  if (isSameStory(live, snapshot)) {
    await tx.workingCopy.deleteMany({ where: { articleId } });
    return;
  }
  const data = { snapshot: normalizeSnapshot(snapshot) as Prisma.InputJsonValue, updatedById: editorId };
  await tx.workingCopy.upsert({ where: { articleId }, update: data, create: { articleId, ...data } });
}

// An admin's merge or rename of a byline profile or tag changes every story's rows at once; the
// working copies that name the old one follow, so a later update neither fails nor brings it back.
async function rewriteWorkingCopies(tx: Tx, change: (snapshot: ArticleSnapshot) => ArticleSnapshot): Promise<void> {
  const copies = await tx.workingCopy.findMany({ select: { articleId: true, snapshot: true } });
  for (const copy of copies) {
    const before = ArticleInput.parse(copy.snapshot);
    const after = change(before);
    if (!isSameSnapshot(before, after)) await tx.workingCopy.update({ where: { articleId: copy.articleId }, data: { snapshot: after as Prisma.InputJsonValue } });
  }
}

export function moveBylineInWorkingCopies(tx: Tx, sourceId: string, targetId: string): Promise<void> {
  return rewriteWorkingCopies(tx, (snapshot) => {
    const moved = snapshot.bylines.map((b) => (b.profileId === sourceId ? { ...b, profileId: targetId } : b));
    return { ...snapshot, bylines: moved.filter((b, i) => moved.findIndex((other) => other.profileId === b.profileId) === i) };
  });
}

// The slugs of every tag a working copy names (tags it would attach when the live story is updated).
export async function tagSlugsInWorkingCopies(tx: Tx): Promise<Set<string>> {
  const copies = await tx.workingCopy.findMany({ select: { snapshot: true } });
  return new Set(copies.flatMap((copy) => ArticleInput.parse(copy.snapshot).tagNames.map((name) => slugify(name))));
}

export function renameTagInWorkingCopies(tx: Tx, fromName: string, toName: string): Promise<void> {
  const from = slugify(fromName);
  return rewriteWorkingCopies(tx, (snapshot) => ({ ...snapshot, tagNames: snapshot.tagNames.map((name) => (slugify(name) === from ? toName : name)) }));
}
