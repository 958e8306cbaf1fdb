// The story trash. A draft, a story in review or an unpublished story can be deleted: it goes to
// the trash (deletedAt, deletedById), out of the story list, the pickers and the editor, and can be
// restored for TRASH_DAYS days (trash-rules.ts). Then the scheduler deletes it for good, with its
// revisions, notes, quotes, captions and sidebars (database cascades). A published or scheduled
// story must be taken off the site first. Each command: permission -> zod -> transaction ->
// version guard -> audit.
import "server-only";
import { z } from "zod";
import { idInput } from "../../text-input";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/sqlite/client";
import { assertCan, type Actor } from "../../permissions";
import { recordAudit } from "../../audit/record";
import { forgetArticle } from "../../search/index-article";
import { claimVersion, staleStoryError } from "../save/save-article";
import { abandonedDraftWhere } from "./untouched-draft";
import { purgeCutoff } from "./trash-rules";

const PURGE_BATCH = 200;

const ArticleId = idInput();
const DeleteInput = z.object({ articleId: ArticleId, expectedVersion: z.number().int().positive() });
// Restoring is a form (the Trash view, the trashed story's page): the version arrives as text.
const RestoreInput = z.object({ articleId: ArticleId, expectedVersion: z.coerce.number().int().min(1, "is missing: reload the page").max(2_147_483_647) });

async function loadForTrash(tx: Tx, articleId: string) {
  const row = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, version: true, status: true, createdById: true, headline: true, deletedAt: true, lastEditedBy: { select: { name: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist (it may have been deleted for good).");
  return row;
}

function assertTrashable(status: string): void {
  if (status === "PUBLISHED") throw new AppError("CONFLICT", "A published story cannot be deleted. Unpublish it first; then it can go to the trash.");
  if (status === "SCHEDULED") throw new AppError("CONFLICT", "A scheduled story cannot be deleted. Take it off the schedule first (Back to draft or Unpublish); then it can go to the trash.");
}

// A story other stories' teasers point at would leave them pointing at nothing once purged.
async function assertNotLinked(tx: Tx, articleId: string): Promise<void> {
  const links = await tx.relatedLink.findMany({ where: { toArticleId: articleId, fromArticle: { deletedAt: null } }, select: { fromArticle: { select: { headline: true } } }, take: 5 });
  if (!links.length) return;
  const names = [...new Set(links.map((link) => `“${link.fromArticle.headline || "untitled"}”`))].join(", ");
  throw new AppError("CONFLICT", `Other stories link to this one: ${names}. Remove those related-story teasers first; then it can go to the trash.`);
}

export async function deleteToTrash(actor: Actor | null, raw: unknown): Promise<{ version: number; deletedAt: string }> {
  const input = DeleteInput.parse(raw);
  return db.$transaction(async (tx) => {
    const current = await loadForTrash(tx, input.articleId);
    assertCan(actor, "article.delete", current);
    if (current.deletedAt) throw new AppError("CONFLICT", "This story is already in the trash.");
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    assertTrashable(current.status);
    await assertNotLinked(tx, current.id);
    const version = await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    const deletedAt = new Date();
    await tx.article.update({ where: { id: current.id }, data: { deletedAt, deletedById: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "article.trash", entityType: "Article", entityId: current.id, details: { headline: current.headline, status: current.status } });
    return { version, deletedAt: deletedAt.toISOString() };
  });
}

export async function restoreFromTrash(actor: Actor | null, raw: unknown): Promise<{ version: number; href: string }> {
  const input = RestoreInput.parse(raw);
  return db.$transaction(async (tx) => {
    const current = await loadForTrash(tx, input.articleId);
    assertCan(actor, "article.restore", current);
    if (!current.deletedAt) throw new AppError("CONFLICT", "This story is not in the trash (someone may have restored it already).");
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    const version = await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    await tx.article.update({ where: { id: current.id }, data: { deletedAt: null, deletedById: null } });
    await recordAudit(tx, { actorId: actor.id, action: "article.untrash", entityType: "Article", entityId: current.id, details: { headline: current.headline } });
    return { version, href: `/newsroom/stories/${current.id}` };
  });
}

// Who purges: an admin (article.purge), or the scheduler, which runs as nobody and is not asked.
export const SCHEDULER = "scheduler" as const;
type PurgeReport = { purged: string[]; discarded: string[]; kept: { id: string; reason: string }[] };

type Sweep = { action: "article.purge" | "article.discard"; where: Prisma.ArticleWhereInput };

async function purgeOne(articleId: string, sweep: Sweep, actorId: string | null): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.article.findFirst({
      where: { id: articleId, ...sweep.where },
      select: {
        id: true,
        headline: true,
        status: true,
        createdAt: true,
        deletedAt: true,
        deletedBy: { select: { name: true } },
        linkedFrom: { select: { fromArticle: { select: { headline: true } } }, take: 3 },
      },
    });
    if (!row) return null;
    if (row.linkedFrom.length) return `still linked from ${row.linkedFrom.map((link) => `“${link.fromArticle.headline}”`).join(", ")}`;
    // Guarded: a restore or a first save that committed meanwhile makes it match nothing.
    const deleted = await tx.article.deleteMany({ where: { id: row.id, ...sweep.where } });
    if (deleted.count === 0) return null;
    await forgetArticle(tx, row.id);
    const details =
      sweep.action === "article.purge"
        ? { headline: row.headline, status: row.status, deletedAt: row.deletedAt?.toISOString() ?? null, deletedBy: row.deletedBy?.name ?? null }
        : { createdAt: row.createdAt.toISOString() };
    await recordAudit(tx, { actorId, action: sweep.action, entityType: "Article", entityId: row.id, details });
    return "gone";
  });
}

// Deletes for good what has been in the trash for TRASH_DAYS days, and discards drafts nobody
// ever typed in. Each story is its own transaction; one that fails is reported and kept.
export async function purgeTrash(by: Actor | null | typeof SCHEDULER, now: Date = new Date()): Promise<PurgeReport> {
  if (by !== SCHEDULER) assertCan(by, "article.purge");
  const actorId = by === SCHEDULER ? null : by.id;
  const sweeps: Sweep[] = [
    { action: "article.purge", where: { deletedAt: { lte: purgeCutoff(now) } } },
    { action: "article.discard", where: abandonedDraftWhere(now) },
  ];
  const report: PurgeReport = { purged: [], discarded: [], kept: [] };
  for (const sweep of sweeps) {
    const due = await db.article.findMany({ where: sweep.where, select: { id: true }, orderBy: { createdAt: "asc" }, take: PURGE_BATCH });
    for (const { id } of due) {
      const outcome = await purgeOne(id, sweep, actorId).catch((error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`);
      if (outcome === "gone") (sweep.action === "article.purge" ? report.purged : report.discarded).push(id);
      else if (outcome) report.kept.push({ id, reason: outcome });
    }
  }
  return report;
}
