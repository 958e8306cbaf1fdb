// An agency's wire rules (Agency.wireAutoDraft, Agency.wireCancelUnpublishes) and the one way a
// story made from a canceled item is taken down: the story workflow's own unpublish step (its
// permission, version guard, preview-link revocation and page refresh), then an audit entry
// that names the reason, "agency canceled".
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import { AppError, isAppError } from "../errors";
import { idInput } from "../text-input";
import { assertCan, can, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { unpublishArticle } from "../articles/workflow";
import type { WireImportResult } from "./import";

export type AgencyWireRules = { wireAutoDraft: boolean; wireCancelUnpublishes: boolean };
const DEFAULT_RULES: AgencyWireRules = { wireAutoDraft: true, wireCancelUnpublishes: false };
const LIVE = new Set(["PUBLISHED", "SCHEDULED"]);

export async function agencyWireRules(tx: Tx, agencyId: string | null): Promise<AgencyWireRules> {
  if (!agencyId) return DEFAULT_RULES;
  return (await tx.agency.findUnique({ where: { id: agencyId }, select: { wireAutoDraft: true, wireCancelUnpublishes: true } })) ?? DEFAULT_RULES;
}

async function takeDown(actor: Actor, article: { id: string; version: number }, wire: { id: string; guid: string }, how: "agency rule" | "editor"): Promise<void> {
  await unpublishArticle(actor, { articleId: article.id, expectedVersion: article.version });
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId: actor.id, action: "wire.cancel-unpublish", entityType: "Article", entityId: article.id, details: { reason: "agency canceled", guid: wire.guid, wireItemId: wire.id, by: how } }),
  );
}

function loadCanceled(wireItemId: string) {
  return db.wireItem.findUnique({
    where: { id: wireItemId },
    select: { id: true, guid: true, status: true, agency: { select: { wireCancelUnpublishes: true } }, article: { select: { id: true, version: true, status: true, createdById: true, deletedAt: true } } },
  });
}

// After a "canceled" import: with the agency's rule on, a live story made from the item is
// unpublished at once. Never throws: the import happened, and the message says what did not.
export async function unpublishCanceledAtOnce(actor: Actor, result: WireImportResult): Promise<WireImportResult> {
  const item = await loadCanceled(result.wireItemId);
  const article = item?.article;
  if (!item?.agency?.wireCancelUnpublishes || !article || article.deletedAt || !LIVE.has(article.status)) return result;
  if (!can(actor, "article.unpublish")) {
    return { ...result, message: `${result.message} The agency's rule asks to unpublish its story, but your role may not unpublish: an editor must do it from the Wire screen.` };
  }
  try {
    await takeDown(actor, article, item, "agency rule");
    return { ...result, effect: "unpublished", message: `${result.message} Its published story was unpublished at once (the agency's rule).` };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ...result, message: `${result.message} Unpublishing its story failed: ${error.message}` };
  }
}

const UnpublishInput = z.object({ wireItemId: idInput(), expectedVersion: z.coerce.number().int().positive() });

// "Unpublish story" on the Wire screen or in the editor, after the editor confirmed.
export async function unpublishCanceledStory(actor: Actor | null, raw: unknown): Promise<{ articleId: string }> {
  assertCan(actor, "article.unpublish");
  const input = UnpublishInput.parse(raw);
  const item = await loadCanceled(input.wireItemId);
  if (!item) throw new AppError("NOT_FOUND", "That wire item does not exist.");
  if (item.status !== "CANCELED") throw new AppError("CONFLICT", "The agency has not canceled this item: nothing to unpublish.");
  const article = item.article;
  if (!article || article.deletedAt || !LIVE.has(article.status)) throw new AppError("CONFLICT", "No published or scheduled story was made from this item.");
  await takeDown(actor, { id: article.id, version: input.expectedVersion }, item, "editor");
  return { articleId: article.id };
}
