// A story's revision history: who saved when, a readable comparison of any two versions, and
// restoring one (which is itself a new revision, so nothing is ever lost).
import "server-only";
import { z } from "zod";
import { idInput } from "../../text-input";
import { db } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { ArticleInput } from "../schema";
import { compareSnapshots, type RevisionComparison } from "./compare-snapshots";
import { persistArticle, type SaveResult } from "../save/save-article";
import { readSnapshot, type ArticleSnapshot } from "./snapshot";

export type RevisionSummary = { id: string; kind: string; articleVersion: number; author: string | null; createdAt: string };
export type { FieldChange, RevisionComparison } from "./compare-snapshots";

async function loadReadable(actor: Actor | null, articleId: string) {
  const article = await db.article.findUnique({ where: { id: String(articleId).slice(0, 40) }, select: { id: true, createdById: true, status: true } });
  if (!article) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", article);
  return article;
}

export async function listRevisions(actor: Actor | null, articleId: string): Promise<RevisionSummary[]> {
  const article = await loadReadable(actor, articleId);
  const rows = await db.revision.findMany({
    where: { articleId: article.id },
    // Version breaks ties between saves within the same millisecond.
    orderBy: [{ createdAt: "desc" }, { articleVersion: "desc" }],
    take: 200,
    select: { id: true, kind: true, articleVersion: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, articleVersion: r.articleVersion, author: r.author?.name ?? null, createdAt: r.createdAt.toISOString() }));
}

async function loadSnapshot(articleId: string, revisionId: string): Promise<ArticleSnapshot> {
  const revision = await db.revision.findFirst({ where: { id: String(revisionId).slice(0, 40), articleId }, select: { snapshot: true } });
  if (!revision) throw new AppError("NOT_FOUND", "That revision does not belong to this story.");
  return ArticleInput.parse(revision.snapshot);
}

export async function compareRevisions(actor: Actor | null, articleId: string, fromId: string, toId: string): Promise<RevisionComparison> {
  const article = await loadReadable(actor, articleId);
  const [from, to] = await Promise.all([loadSnapshot(article.id, fromId), loadSnapshot(article.id, toId)]);
  return compareSnapshots(from, to);
}

const RestoreInput = z.object({ articleId: idInput(), revisionId: idInput(), expectedVersion: z.number().int().positive() });

export async function restoreRevision(actor: Actor | null, raw: unknown): Promise<SaveResult> {
  const input = RestoreInput.parse(raw);
  const snapshot = await loadSnapshot(input.articleId, input.revisionId);
  return persistArticle(actor, { articleId: input.articleId, expectedVersion: input.expectedVersion, kind: "RESTORE", article: snapshot });
}

// For a refused (409) save: what differs between the story as saved now and the editor's copy.
export async function compareWithCurrent(actor: Actor | null, articleId: string, mine: unknown): Promise<RevisionComparison & { version: number; savedBy: string | null }> {
  const article = await loadReadable(actor, articleId);
  const current = await db.$transaction(async (tx) => ({
    snapshot: await readSnapshot(tx, article.id),
    row: await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { version: true, lastEditedBy: { select: { name: true } } } }),
  }));
  return { ...compareSnapshots(current.snapshot, ArticleInput.parse(mine)), version: current.row.version, savedBy: current.row.lastEditedBy?.name ?? null };
}
