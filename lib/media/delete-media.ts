// Deleting a picture from the library. Refused while any story (whatever its status) or byline
// profile uses it, naming them; otherwise the rows go in one transaction, audited, and the files
// after the commit (a file left behind by a crash is harmless: nothing points at it).
import "server-only";
import { recordAudit } from "../audit/record";
import { notFound, staleRecordError, type WriteContext } from "../concurrency";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { DeleteMediaInput, parseOrRefuse } from "./schema";
import { getMediaStorage, type MediaStorage } from "./file/storage";
import { findMediaUsage, isUsed, type MediaUsage } from "./usage";

const STATUS_WORDS: Record<string, string> = { DRAFT: "draft", IN_REVIEW: "in review", SCHEDULED: "scheduled", PUBLISHED: "published", UNPUBLISHED: "unpublished" };

function describeUsage(usage: MediaUsage): string {
  const stories = usage.stories.map((s) => `"${s.headline || "(no headline yet)"}" (${STATUS_WORDS[s.status] ?? s.status.toLowerCase()})`);
  const bylines = usage.bylines.map((b) => `the byline photo of ${b.name}`);
  const parts = [...(stories.length ? [`${stories.length === 1 ? "the story" : `${stories.length} stories`} ${stories.join(", ")}`] : []), ...bylines];
  const uses = stories.length + bylines.length;
  return `This picture cannot be deleted: it is used by ${parts.join(" and ")}. Remove it from ${uses === 1 ? "there" : "each of them"} first.`;
}

async function deleteRows(tx: Tx, id: string, version: number, actor: Actor, context: WriteContext): Promise<string[]> {
  const media = await tx.media.findUnique({ where: { id }, select: { version: true, storageKey: true, originalName: true, sha256: true, renditions: { select: { storageKey: true } } } });
  if (!media) throw notFound("That picture");
  if (media.version !== version) throw await staleRecordError(tx, { entityType: "Media", entityId: id, label: "this picture" });
  const usage = await findMediaUsage(tx, id);
  if (isUsed(usage)) {
    throw new AppError("CONFLICT", describeUsage(usage), { stories: usage.stories.map((s) => ({ id: s.id, headline: s.headline, status: s.status })), bylines: usage.bylines });
  }
  await tx.media.delete({ where: { id } });
  await recordAudit(tx, { actorId: actor.id, action: "media.delete", entityType: "Media", entityId: id, details: { originalName: media.originalName, sha256: media.sha256 }, ip: context.ip });
  return [media.storageKey, ...media.renditions.map((r) => r.storageKey)];
}

// A story saved between the usage check and the delete holds the picture by a foreign key.
function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2003";
}

export async function deleteMedia(actor: Actor | null, input: unknown, context: WriteContext & { storage?: MediaStorage } = {}): Promise<{ href: string }> {
  assertCan(actor, "media.delete");
  const { id, version } = parseOrRefuse(DeleteMediaInput, input, "Please fix:");
  let keys: string[];
  try {
    keys = await db.$transaction((tx) => deleteRows(tx, id, version, actor, context));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("CONFLICT", "This picture was just put in a story, so it was not deleted. Reload the page to see where it is used.");
    throw error;
  }
  const storage = context.storage ?? getMediaStorage();
  const results = await Promise.allSettled(keys.map((key) => storage.remove(key)));
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed) console.warn(`[media] deleted picture ${id}, but ${failed} of its files could not be removed`);
  return { href: "/newsroom/media?deleted=1" };
}
