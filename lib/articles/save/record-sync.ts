// Keeps the records a body refers to (quotes, captions, sidebars, related links) in step with
// the body, inside the save's transaction: referenced ones are created or updated, the rest of
// this story's are removed. Ids are made by the editor, so a body never changes after a save.
import { AppError } from "../../errors";
import type { Tx } from "../../db";
import type { BodyDoc, BodyReferences } from "../../editor/types";
import type { RelatedLink } from "../../editor/blocks/related-story";
import type { ArticleInput } from "../schema";
import type { Prisma } from "../../generated/sqlite/client";

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

// How one kind of record is read and written; the syncing rules live once, in syncOwned.
type Store<D> = {
  what: string;
  owners: (ids: string[]) => Promise<Owned[]>;
  removeAllBut: (keep: string[]) => Promise<unknown>;
  update: (id: string, data: D) => Promise<unknown>;
  create: (id: string, data: D) => Promise<unknown>;
};

// The body's ids must all be in the save; none may belong to another story; this story's records
// the body no longer uses (except `alsoKeep`) go; the rest are updated or created with their ids.
async function syncOwned<T extends { id: string }, D>(articleId: string, ids: string[], payload: T[], toData: (item: T) => D, store: Store<D>, alsoKeep: string[] = []): Promise<void> {
  const byId = requireAll(ids, payload, store.what);
  const existing = await store.owners(ids);
  assertOwned(existing, articleId, store.what[0].toUpperCase() + store.what.slice(1));
  const known = new Set(existing.map((row) => row.id));
  await store.removeAllBut([...ids, ...alsoKeep]);
  for (const id of ids) {
    const data = toData(byId.get(id)!);
    await (known.has(id) ? store.update(id, data) : store.create(id, data));
  }
}

const owned = { select: { id: true, articleId: true } } as const;
const bump = { version: { increment: 1 } } as const;

export function syncQuotes(tx: Tx, articleId: string, ids: string[], payload: ArticleInput["quotes"]): Promise<void> {
  return syncOwned(articleId, ids, payload, ({ text, speaker, speakerDescription, context }) => ({ text, speaker, speakerDescription, context }), {
    what: "quote",
    owners: (inIds) => tx.quote.findMany({ where: { id: { in: inIds } }, ...owned }),
    removeAllBut: (keep) => tx.quote.deleteMany({ where: { articleId, id: { notIn: keep } } }),
    update: (id, data) => tx.quote.update({ where: { id }, data: { ...data, ...bump } }),
    create: (id, data) => tx.quote.create({ data: { id, articleId, ...data } }),
  });
}

// keepId: the hero photo's caption, which the body does not refer to.
export function syncCaptions(tx: Tx, articleId: string, refs: BodyReferences, payload: ArticleInput["captions"], keepId: string | null): Promise<void> {
  return syncOwned(
    articleId,
    refs.captionIds,
    payload,
    ({ mediaId, text }) => ({ mediaId, text }),
    {
      what: "caption",
      owners: (inIds) => tx.caption.findMany({ where: { id: { in: inIds } }, ...owned }),
      removeAllBut: (keep) => tx.caption.deleteMany({ where: { articleId, id: { notIn: keep } } }),
      update: (id, data) => tx.caption.update({ where: { id }, data: { ...data, ...bump } }),
      create: (id, data) => tx.caption.create({ data: { id, articleId, ...data } }),
    },
    keepId ? [keepId] : [],
  );
}

export function syncSidebars(tx: Tx, articleId: string, ids: string[], payload: { id: string; heading: string; body: BodyDoc }[]): Promise<void> {
  return syncOwned(articleId, ids, payload, ({ heading, body }) => ({ heading, body: body as Prisma.InputJsonValue }), {
    what: "sidebar",
    owners: (inIds) => tx.sidebar.findMany({ where: { id: { in: inIds } }, ...owned }),
    removeAllBut: (keep) => tx.sidebar.deleteMany({ where: { articleId, id: { notIn: keep } } }),
    update: (id, data) => tx.sidebar.update({ where: { id }, data: { ...data, ...bump } }),
    create: (id, data) => tx.sidebar.create({ data: { id, articleId, ...data } }),
  });
}

// The body's related-story links (relatedLinksOf its blocks), in body order.
export async function syncRelatedLinks(tx: Tx, articleId: string, links: RelatedLink[]): Promise<void> {
  if (links.some((link) => link.toArticleId === articleId)) throw new AppError("INVALID", "A story cannot link to itself as a related story.");
  await tx.relatedLink.deleteMany({ where: { fromArticleId: articleId } });
  if (links.length) {
    await tx.relatedLink.createMany({ data: links.map((link, position) => ({ fromArticleId: articleId, ...link, position })) });
  }
}
