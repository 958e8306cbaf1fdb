// Setting and lifting a story's embargo. Setting (or moving it later) is an edit: whoever may edit
// the story may do it. Anything that lets the story out earlier than an embargo in force (moving
// it earlier, removing it) is lifting it: a permission of its own (article.liftEmbargo), a reason,
// and an audit entry with the time it had. Both name the version they saw and write in one
// transaction; the story is not public while embargoed, so no public page needs refreshing.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { recordAudit } from "../../audit/record";
import { idInput, textInput } from "../../text-input";
import { claimVersion, loadForWrite, staleStoryError } from "../save/save-article";
import { describeEmbargo, isEmbargoed } from "./embargo-rules";

const recordRef = { articleId: idInput(), expectedVersion: z.number().int().positive() };
const SetEmbargoInput = z.object({ ...recordRef, embargoUntil: z.coerce.date().nullable() });
const LiftEmbargoInput = z.object({ ...recordRef, reason: textInput().min(1, "say why the embargo is lifted early").max(1000) });

export type EmbargoResult = { version: number; embargoUntil: string | null };

type Current = Awaited<ReturnType<typeof loadForWrite>>;

// Pictures imported with the story (wire pictures) carry its embargo, so their renditions stay
// hidden from readers until the story is out (lib/media/queries.ts).
export async function syncPictureEmbargo(tx: Tx, articleId: string, embargoUntil: Date | null): Promise<void> {
  await tx.media.updateMany({ where: { wirePictures: { some: { wireItem: { articleId } } } }, data: { embargoUntil } });
}

function refuseChange(current: Current, next: Date | null, now: Date): void {
  const inForce = isEmbargoed(current.embargoUntil, now) ? current.embargoUntil! : null;
  if (inForce && (next === null || next < inForce)) {
    throw new AppError("CONFLICT", `The story is embargoed until ${describeEmbargo(inForce)}. Releasing it earlier is lifting the embargo: use "Lift embargo" with a reason.`);
  }
  if (!next) return;
  if (next.getTime() <= now.getTime()) throw new AppError("INVALID", "Choose an embargo time in the future.", { field: "embargoUntil" });
  if (current.status === "PUBLISHED") throw new AppError("CONFLICT", "This story is live: unpublish it first, then set the embargo.");
  // Refused rather than moving the schedule: a publication time someone chose is never changed silently.
  if (current.status === "SCHEDULED" && current.publishAt && current.publishAt < next) {
    throw new AppError("CONFLICT", `The story is scheduled for ${describeEmbargo(current.publishAt)}, before that embargo. Schedule it for ${describeEmbargo(next)} or later first, then set the embargo.`);
  }
}

export async function setEmbargo(actor: Actor | null, raw: unknown): Promise<EmbargoResult> {
  const input = SetEmbargoInput.parse(raw);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const current = await loadForWrite(tx, input.articleId);
    assertCan(actor, "article.edit", current);
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    refuseChange(current, input.embargoUntil, now);
    const version = await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    await tx.article.update({ where: { id: current.id }, data: { embargoUntil: input.embargoUntil } });
    await syncPictureEmbargo(tx, current.id, input.embargoUntil);
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.embargoUntil ? "article.embargo" : "article.clear-embargo",
      entityType: "Article",
      entityId: current.id,
      details: { from: current.embargoUntil?.toISOString() ?? null, to: input.embargoUntil?.toISOString() ?? null },
    });
    return { version, embargoUntil: input.embargoUntil?.toISOString() ?? null };
  });
}

// Permission first (a person who may not lift learns that before anything about the reason).
export async function liftEmbargo(actor: Actor | null, raw: unknown): Promise<EmbargoResult> {
  const ref = z.object(recordRef).passthrough().parse(raw);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const current = await loadForWrite(tx, ref.articleId);
    assertCan(actor, "article.liftEmbargo", current);
    const input = LiftEmbargoInput.parse(raw);
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    if (!isEmbargoed(current.embargoUntil, now)) throw new AppError("CONFLICT", "This story has no embargo in force: there is nothing to lift.");
    const version = await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    await tx.article.update({ where: { id: current.id }, data: { embargoUntil: null } });
    await syncPictureEmbargo(tx, current.id, null);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.lift-embargo",
      entityType: "Article",
      entityId: current.id,
      details: { embargoUntil: current.embargoUntil!.toISOString(), reason: input.reason },
    });
    return { version, embargoUntil: null };
  });
}
