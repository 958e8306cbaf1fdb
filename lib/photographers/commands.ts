// Writes to photographers. A photographer's pictures keep the agency they were supplied through
// (Media.agencyId); changing the photographer's agency only affects pictures uploaded later.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { CreatePhotographerInput, UpdatePhotographerInput } from "./schema";

async function assertAgencyExists(tx: Tx, agencyId: string | null): Promise<void> {
  if (agencyId && !(await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } }))) {
    throw new AppError("INVALID", "That agency was not found; pick one from the list.");
  }
}

export async function createPhotographer(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "photographer.manage");
  const fields = CreatePhotographerInput.parse(input);
  return db.$transaction(async (tx) => {
    await assertAgencyExists(tx, fields.agencyId);
    const photographer = await tx.photographer.create({ data: fields, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "photographer.create", entityType: "Photographer", entityId: photographer.id, details: fields, ip: context.ip });
    return photographer;
  });
}

export async function updatePhotographer(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "photographer.manage");
  const { id, version, ...fields } = UpdatePhotographerInput.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.photographer.findUnique({ where: { id }, select: { name: true, agencyId: true } });
    if (!before) throw notFound("That photographer");
    await assertAgencyExists(tx, fields.agencyId);
    await expectUpdated(tx.photographer.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }), tx, { entityType: "Photographer", entityId: id, label: "this photographer" });
    await recordAudit(tx, { actorId: actor.id, action: "photographer.update", entityType: "Photographer", entityId: id, details: { before, after: fields }, ip: context.ip });
  });
  invalidateTags([cacheTags.photographer(id), cacheTags.listings]);
}
