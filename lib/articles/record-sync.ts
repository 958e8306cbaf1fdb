// Keeps the records a body refers to (quotes, captions, sidebars, related links) in step with
// the body, inside the save's transaction: referenced ones are created or updated, the rest of
// this story's are removed. Ids are made by the editor, so a body never changes after a save.
import { AppError } from "../errors";
import type { Tx } from "../db";
import type { BodyDoc, BodyNode } from "../editor/types";
import type { BodyReferences } from "../editor/references";
import type { ArticleInput } from "./schema";
import type { Prisma } from "../generated/sqlite/client";

type Owned = { id: string; articleId: string };

function requireAll<T extends { id: string }>(ids: string[], payload: T[], what: string): Map<string, T> {
  const byId = new Map(payload.map((item) => [item.id, item]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError("INVALID", `The body uses ${what} ${missing.join(", ")} but the save did not include ${missing.length > 1 ? "them" : "it"}.`);
  return byId;
}

function assertOwned(existing: Owned[], articleId: string, what: string): void {
  const foreign = existing.filter((row) => row.articleId !== articleId);
  if (foreign.length) throw new AppError("INVALID", `${what} ${foreign.map((r) => r.id).join(", ")} belongs to another story.`);
}

export async function syncQuotes(tx: Tx, articleId: string, ids: string[], payload: ArticleInput["quotes"]): Promise<void> {
  const byId = requireAll(ids, payload, "quote");
  const existing = await tx.quote.findMany({ where: { id: { in: ids } }, select: { id: true, articleId: true } });
  assertOwned(existing, articleId, "Quote");
  const known = new Set(existing.map((row) => row.id));
  await tx.quote.deleteMany({ where: { articleId, id: { notIn: ids } } });
  for (const id of ids) {
    const { text, speaker, speakerDescription, context } = byId.get(id)!;
    const data = { text, speaker, speakerDescription, context };
    if (known.has(id)) await tx.quote.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    else await tx.quote.create({ data: { id, articleId, ...data } });
  }
}

export async function syncCaptions(tx: Tx, articleId: string, refs: BodyReferences, payload: ArticleInput["captions"], keepId: string | null): Promise<void> {
  const byId = requireAll(refs.captionIds, payload, "caption");
  const existing = await tx.caption.findMany({ where: { id: { in: refs.captionIds } }, select: { id: true, articleId: true } });
  assertOwned(existing, articleId, "Caption");
  const known = new Set(existing.map((row) => row.id));
  const keep = keepId ? [...refs.captionIds, keepId] : refs.captionIds;
  await tx.caption.deleteMany({ where: { articleId, id: { notIn: keep } } });
  for (const id of refs.captionIds) {
    const { mediaId, text } = byId.get(id)!;
    if (known.has(id)) await tx.caption.update({ where: { id }, data: { mediaId, text, version: { increment: 1 } } });
    else await tx.caption.create({ data: { id, articleId, mediaId, text } });
  }
}

export async function syncSidebars(tx: Tx, articleId: string, ids: string[], payload: { id: string; heading: string; body: BodyDoc }[]): Promise<void> {
  const byId = requireAll(ids, payload, "sidebar");
  const existing = await tx.sidebar.findMany({ where: { id: { in: ids } }, select: { id: true, articleId: true } });
  assertOwned(existing, articleId, "Sidebar");
  const known = new Set(existing.map((row) => row.id));
  await tx.sidebar.deleteMany({ where: { articleId, id: { notIn: ids } } });
  for (const id of ids) {
    const { heading, body } = byId.get(id)!;
    const data = { heading, body: body as unknown as Prisma.InputJsonValue };
    if (known.has(id)) await tx.sidebar.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    else await tx.sidebar.create({ data: { id, articleId, ...data } });
  }
}

// Related links in body order, with the teaser label the editor gave each.
export function relatedLinksOf(body: BodyDoc): { toArticleId: string; label: string }[] {
  const links: { toArticleId: string; label: string }[] = [];
  const visit = (node: BodyNode) => {
    // A teaser whose story is not chosen yet has no link record; publishing refuses it.
    if (node.type === "relatedStory" && typeof node.attrs?.articleId === "string") {
      links.push({ toArticleId: node.attrs.articleId, label: typeof node.attrs.label === "string" ? node.attrs.label : "" });
    }
    node.content?.forEach(visit);
  };
  body.content?.forEach(visit);
  return links;
}

export async function syncRelatedLinks(tx: Tx, articleId: string, body: BodyDoc): Promise<void> {
  const links = relatedLinksOf(body);
  if (links.some((link) => link.toArticleId === articleId)) throw new AppError("INVALID", "A story cannot link to itself as a related story.");
  await tx.relatedLink.deleteMany({ where: { fromArticleId: articleId } });
  if (links.length) {
    await tx.relatedLink.createMany({ data: links.map((link, position) => ({ fromArticleId: articleId, ...link, position })) });
  }
}
