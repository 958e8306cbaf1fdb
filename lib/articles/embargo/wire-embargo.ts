// An agency's embargo on the story made from its item (lib/wire/import.ts). It only ever holds a
// story back longer: a later embargo than the story's replaces it, an earlier one, or none, leaves
// the story's (an editor's later embargo is never cleared by the wire; only lifting does that).
// A live story is not embargoed after the fact (the pending update waits for an editor instead).
import "server-only";
import type { Tx } from "../../db";
import { recordAudit } from "../../audit/record";
import { syncPictureEmbargo } from "./embargo-commands";

export async function applyWireEmbargo(tx: Tx, articleId: string, wireEmbargo: Date | null, actorId: string | null): Promise<Date | null> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, embargoUntil: true } });
  const current = article.embargoUntil;
  const isLater = wireEmbargo && (!current || wireEmbargo > current);
  if (isLater && article.status !== "PUBLISHED") {
    await tx.article.update({ where: { id: articleId }, data: { embargoUntil: wireEmbargo } });
    await recordAudit(tx, { actorId, action: "article.embargo", entityType: "Article", entityId: articleId, details: { from: current?.toISOString() ?? null, to: wireEmbargo.toISOString(), byWire: true } });
    await syncPictureEmbargo(tx, articleId, wireEmbargo);
    return wireEmbargo;
  }
  // Pictures that arrived with this version take the story's embargo too.
  await syncPictureEmbargo(tx, articleId, current);
  return current;
}
