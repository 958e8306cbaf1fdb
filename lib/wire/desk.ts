// The Wire screen's writes: a draft from an item held without one, and the editor's answer to a
// pending wire update (apply it, whole or field by field, or dismiss it). Each checks permission,
// names the versions it saw (409 when the story or the pending version moved on) and is audited.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { idInput } from "../text-input";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { insertEmptyDraft } from "../articles/create-article";
import { addInternalNote } from "../articles/notes";
import { persistArticle, writeSystemDraft } from "../articles/save/save-article";
import { readEditableSnapshot } from "../articles/publish/working-copy";
import { compareSnapshots, type RevisionComparison } from "../articles/history/compare-snapshots";
import type { ArticleSnapshot } from "../articles/history/snapshot";
import { draftInput, draftSlug } from "./draft";
import { itemFields } from "./import";
import type { BodyDoc } from "../editor/types";
import { Prisma } from "../generated/sqlite/client";
import { storedWireItem, type WireItem } from "./types";

export const UPDATE_FIELDS = ["headline", "standfirst", "body"] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
const TEXT_BLOCKS = new Set(["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "horizontalRule", "hardBreak", "codeBlock"]);

const editorHref = (articleId: string) => `/newsroom/stories/${articleId}`;

// "Create draft" on a held item; a second click (or an item that has a draft) opens that draft.
export async function createDraftFromWireItem(actor: Actor | null, rawId: unknown): Promise<{ articleId: string; isNew: boolean; href: string }> {
  assertCan(actor, "article.create");
  const id = idInput().parse(rawId);
  return db.$transaction(async (tx) => {
    const item = await tx.wireItem.findUnique({
      where: { id },
      include: { article: { select: { id: true, deletedAt: true } }, agency: { select: { name: true } }, pictures: { orderBy: { position: "asc" } } },
    });
    if (!item) throw new AppError("NOT_FOUND", "That wire item does not exist.");
    if (item.article && !item.article.deletedAt) return { articleId: item.article.id, isNew: false, href: editorHref(item.article.id) };
    if (item.status === "CANCELED") throw new AppError("CONFLICT", "The agency canceled this item: no draft is made from it.");
    const wire = storedWireItem(item.normalized);
    const pictures = item.pictures.filter((picture) => picture.mediaId).map((picture) => ({ mediaId: picture.mediaId!, caption: picture.caption }));
    const slug = draftSlug(wire.headline);
    const article = await insertEmptyDraft(tx, slug, actor.id);
    await writeSystemDraft(tx, article.id, article.version, draftInput(wire, slug, item.agency?.name ?? null, pictures), actor.id, {
      action: "wire.create-draft",
      details: { guid: item.guid, wireVersion: item.version },
    });
    // Two people clicking at once: the second finds the item linked and saves nothing.
    const linked = await tx.wireItem.updateMany({ where: { id, articleId: item.articleId }, data: { articleId: article.id, articleVersion: article.version } });
    if (linked.count === 0) throw new AppError("CONFLICT", "Someone made a draft from this item a moment ago; nothing was saved. Reload the page to open it.");
    if (wire.edNote) await addInternalNote(tx, { articleId: article.id, text: `Agency note (version ${item.version}): ${wire.edNote}`, authorId: actor.id });
    return { articleId: article.id, isNew: true, href: editorHref(article.id) };
  });
}

function loadPending(id: string) {
  return db.wireItem.findUnique({
    where: { id },
    select: {
      id: true,
      guid: true,
      version: true,
      agencyId: true,
      pendingVersion: true,
      pendingSource: true,
      pendingNormalized: true,
      agency: { select: { name: true } },
      article: { select: { id: true, version: true, status: true, createdById: true, deletedAt: true } },
    },
  });
}

async function requirePending(id: string, pendingVersion?: number) {
  const item = await loadPending(id);
  if (!item) throw new AppError("NOT_FOUND", "That wire item does not exist.");
  const article = item.article;
  if (!item.pendingVersion || !item.pendingSource || !item.pendingNormalized || !article || article.deletedAt) {
    throw new AppError("CONFLICT", "This item has no pending wire update (it was applied or dismissed). Reload the page.");
  }
  if (pendingVersion !== undefined && pendingVersion !== item.pendingVersion) {
    throw new AppError("CONFLICT", `The agency has sent version ${item.pendingVersion} since you compared; nothing was changed. Compare again.`, { pendingVersion: item.pendingVersion });
  }
  return { ...item, article, pending: storedWireItem(item.pendingNormalized), pendingSource: item.pendingSource, pendingVersion: item.pendingVersion };
}

// The story with the chosen fields taken from the pending version. Story blocks (photos, quotes,
// sidebars, teasers) the editor placed stay, after the agency's text.
function mergeUpdate(current: ArticleSnapshot, pending: WireItem, agencyName: string | null, fields: readonly UpdateField[]): ArticleSnapshot {
  const wire = draftInput(pending, current.slug, agencyName, []);
  const wireBody = wire.body as BodyDoc;
  const kept = ((current.body as BodyDoc).content ?? []).filter((node) => !TEXT_BLOCKS.has(node.type));
  const isEmptyWire = wireBody.content?.length === 1 && !wireBody.content[0].content;
  const body: BodyDoc = { ...wireBody, content: [...(isEmptyWire && kept.length ? [] : (wireBody.content ?? [])), ...kept] };
  return {
    ...current,
    headline: fields.includes("headline") ? wire.headline : current.headline,
    standfirst: fields.includes("standfirst") ? wire.standfirst : current.standfirst,
    body: fields.includes("body") ? body : current.body,
  };
}

export type PendingComparison = { wireItemId: string; guid: string; currentVersion: number; pendingVersion: number; articleId: string; articleVersion: number; comparison: RevisionComparison };

// The story as it is (its working copy for a live story) against it with the pending version applied.
export async function comparePendingUpdate(actor: Actor | null, rawId: unknown): Promise<PendingComparison> {
  assertCan(actor, "newsroom.enter");
  const item = await requirePending(idInput().parse(rawId));
  assertCan(actor, "article.read", item.article);
  const current = await db.$transaction((tx) => readEditableSnapshot(tx, item.article.id));
  return {
    wireItemId: item.id,
    guid: item.guid,
    currentVersion: item.version,
    pendingVersion: item.pendingVersion,
    articleId: item.article.id,
    articleVersion: item.article.version,
    comparison: compareSnapshots(current, mergeUpdate(current, item.pending, item.agency?.name ?? null, UPDATE_FIELDS)),
  };
}

// The item takes the pending version as its own (it is what the agency now says), pending cleared.
async function adoptPending(tx: Tx, item: Awaited<ReturnType<typeof requirePending>>, extra: { articleVersion?: number }): Promise<void> {
  const fields = itemFields(item.pending, item.pendingSource, item.agencyId);
  const adopted = await tx.wireItem.updateMany({
    where: { id: item.id, pendingVersion: item.pendingVersion },
    data: { ...fields, ...extra, pendingVersion: null, pendingSource: null, pendingNormalized: Prisma.DbNull },
  });
  if (adopted.count === 0) throw new AppError("CONFLICT", "Someone applied or dismissed this wire update a moment ago; nothing was changed. Reload the page.");
}

const Fields = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value),
  z.array(z.enum(UPDATE_FIELDS)).min(1, "tick at least one of headline, standfirst or body text to take from the agency").max(3),
);
const ApplyInput = z.object({
  wireItemId: idInput(),
  expectedVersion: z.coerce.number().int().positive(),
  pendingVersion: z.coerce.number().int().positive(),
  fields: Fields.default([...UPDATE_FIELDS]),
});

// "Apply wire update": a save of the story (the editor's own write path: permission, version
// guard, a revision; a live story's working copy), so the editor's text stays in its history.
export async function applyWireUpdate(actor: Actor | null, raw: unknown): Promise<{ version: number; href: string }> {
  assertCan(actor, "article.edit");
  const input = ApplyInput.parse(raw);
  const item = await requirePending(input.wireItemId, input.pendingVersion);
  assertCan(actor, "article.edit", item.article);
  const current = await db.$transaction((tx) => readEditableSnapshot(tx, item.article.id));
  const merged = mergeUpdate(current, item.pending, item.agency?.name ?? null, input.fields);
  const isWhole = input.fields.length === UPDATE_FIELDS.length && item.article.status === "DRAFT";
  const saved = await persistArticle(actor, {
    articleId: item.article.id,
    expectedVersion: input.expectedVersion,
    kind: "SAVE",
    article: merged,
    afterWrite: async (tx, result) => {
      // Taken whole, the draft is the agency's text again: the next version may update it directly.
      await adoptPending(tx, item, isWhole ? { articleVersion: result.version } : {});
      await recordAudit(tx, {
        actorId: actor.id,
        action: "wire.update-applied",
        entityType: "Article",
        entityId: item.article.id,
        details: { guid: item.guid, wireVersion: item.pendingVersion, fields: input.fields },
      });
    },
  });
  return { version: saved.version, href: editorHref(item.article.id) };
}

const DismissInput = z.object({ wireItemId: idInput(), pendingVersion: z.coerce.number().int().positive() });

// "Dismiss": the story stays as the editor left it; the item records that version N was seen.
export async function dismissWireUpdate(actor: Actor | null, raw: unknown): Promise<{ href: string }> {
  assertCan(actor, "article.edit");
  const input = DismissInput.parse(raw);
  const item = await requirePending(input.wireItemId, input.pendingVersion);
  assertCan(actor, "article.edit", item.article);
  await db.$transaction(async (tx) => {
    await adoptPending(tx, item, {});
    await recordAudit(tx, { actorId: actor.id, action: "wire.update-dismissed", entityType: "Article", entityId: item.article.id, details: { guid: item.guid, wireVersion: item.pendingVersion } });
  });
  return { href: `/newsroom/wire/${item.id}` };
}
