// Tags typed into a story's tag field. Saving a story creates the ones that do not exist yet, as
// story tags of the person saving, at most TAG_CREATION_LIMIT_PER_HOUR a person an hour (a save
// past the cap is refused whole, 429). The scheduler deletes story tags no story uses once they
// are TAG_CLEANUP_GRACE_HOURS old. Tags made in the admin tags screen are the desk's own and are
// never cleaned up.
//
// "Uses" means an ArticleTag row (any story, trashed ones included, live or draft) or a name in a
// working copy (the next version of a live story). Revisions are not asked: they keep tag names,
// not ids, and restoring one creates any tag it names again.
import "server-only";
import { recordAudit } from "../audit/record";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, isPostgres, type Tx } from "../db";
import { AppError } from "../errors";
import { integerSetting } from "../settings";
import { tagSlugsInWorkingCopies } from "../articles/publish/working-copy";

type StoryTag = { id: string; name: string };

const HOUR_MS = 60 * 60 * 1000;
const CLEANUP_BATCH = 500;

export const tagCreationLimit = () => integerSetting(process.env.TAG_CREATION_LIMIT_PER_HOUR, 30, 0);
export const tagCleanupGraceHours = () => integerSetting(process.env.TAG_CLEANUP_GRACE_HOURS, 24, 0);

// The existing tags among `slugs`. On PostgreSQL they are share-locked for the save's
// transaction, so the cleanup (which locks a tag before deleting it) cannot delete one this save
// is about to use; SQLite runs one write transaction at a time anyway.
async function existingTags(tx: Tx, slugs: string[]): Promise<Map<string, StoryTag>> {
  const rows = isPostgres()
    ? await tx.$queryRaw<{ id: string; slug: string; name: string }[]>`SELECT "id", "slug", "name" FROM "Tag" WHERE "slug" = ANY(${slugs}) FOR KEY SHARE`
    : await tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true } });
  return new Map(rows.map((row) => [row.slug, { id: row.id, name: row.name }]));
}

async function assertUnderCap(tx: Tx, creatorId: string, names: string[], now: Date): Promise<void> {
  const limit = tagCreationLimit();
  const made = await tx.tag.count({ where: { createdById: creatorId, isFromStory: true, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
  if (made + names.length <= limit) return;
  const listed =
    names
      .slice(0, 5)
      .map((name) => `“${name}”`)
      .join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
  throw new AppError(
    "TOO_MANY_REQUESTS",
    `You have created ${made} new tags in the last hour and may create ${limit} an hour. This save would create ${names.length} more (${listed}), so nothing was saved: use tags that exist, or ask an admin to add these in Tags.`,
    { limit, made, requested: names.length, retryAfterSeconds: 3600 },
  );
}

// The tags `tags` ([slug, name] pairs) names, by slug, creating the missing ones as story tags
// of `creatorId` (null: the scheduler applying a live update, which is not capped). An existing
// tag keeps its own name (the one a story shows), whatever spelling was typed.
export async function ensureStoryTags(tx: Tx, tags: [slug: string, name: string][], creatorId: string | null, now: Date = new Date()): Promise<Map<string, StoryTag>> {
  const found = await existingTags(
    tx,
    tags.map(([slug]) => slug),
  );
  const missing = tags.filter(([slug]) => !found.has(slug));
  if (missing.length && creatorId)
    await assertUnderCap(
      tx,
      creatorId,
      missing.map(([, name]) => name),
      now,
    );
  for (const [slug, name] of missing) {
    const tag = await tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name, isFromStory: true, createdById: creatorId }, select: { id: true, name: true } });
    found.set(slug, tag);
  }
  return found;
}

type TagCleanupReport = { deleted: { id: string; name: string }[] };

// Deletes one unused story tag, re-checked under a lock: a save that took the tag meanwhile wins.
async function deleteIfUnused(tag: { id: string; name: string; slug: string; createdAt: Date; createdBy: { name: string } | null }, graceHours: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (isPostgres()) await tx.$queryRaw`SELECT "id" FROM "Tag" WHERE "id" = ${tag.id} FOR UPDATE`;
    if ((await tagSlugsInWorkingCopies(tx)).has(tag.slug)) return false;
    const deleted = await tx.tag.deleteMany({ where: { id: tag.id, isFromStory: true, articles: { none: {} } } });
    if (deleted.count === 0) return false;
    const details = { name: tag.name, slug: tag.slug, createdAt: tag.createdAt.toISOString(), createdBy: tag.createdBy?.name ?? null, reason: `no story used it for ${graceHours} hours` };
    await recordAudit(tx, { actorId: null, action: "tag.cleanup", entityType: "Tag", entityId: tag.id, details, ip: null });
    return true;
  });
}

// The scheduler's sweep: story tags older than the grace period that no story or working copy uses.
export async function cleanUpUnusedTags(now: Date = new Date()): Promise<TagCleanupReport> {
  const graceHours = tagCleanupGraceHours();
  const candidates = await db.tag.findMany({
    where: { isFromStory: true, createdAt: { lt: new Date(now.getTime() - graceHours * HOUR_MS) }, articles: { none: {} } },
    select: { id: true, name: true, slug: true, createdAt: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
    take: CLEANUP_BATCH,
  });
  const report: TagCleanupReport = { deleted: [] };
  for (const tag of candidates) if (await deleteIfUnused(tag, graceHours)) report.deleted.push({ id: tag.id, name: tag.name });
  if (report.deleted.length) invalidateTags([cacheTags.listings, ...report.deleted.map((tag) => cacheTags.tag(tag.id))]);
  return report;
}
