// Writes to agencies. A credit is formatted from the agency when a page is read, so changing the
// format changes every picture that uses it: the pages showing those pictures are dropped.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { CreateAgencyInput, UpdateAgencyInput } from "./schema";

const NAME_TAKEN = "There is already an agency with that name.";

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const holder = await tx.agency.findUnique({ where: { name }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new AppError("CONFLICT", NAME_TAKEN);
}

export async function createAgency(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "agency.manage");
  const fields = CreateAgencyInput.parse(input);
  return withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await assertNameFree(tx, fields.name);
        const agency = await tx.agency.create({ data: fields, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "agency.create", entityType: "Agency", entityId: agency.id, details: fields, ip: context.ip });
        return agency;
      }),
    NAME_TAKEN,
  );
}

export async function updateAgency(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "agency.manage");
  const { id, version, ...fields } = UpdateAgencyInput.parse(input);
  await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.agency.findUnique({ where: { id }, select: { name: true, shortCredit: true, creditFormat: true, distributor: true } });
        if (!before) throw notFound("That agency");
        await assertNameFree(tx, fields.name, id);
        await expectUpdated(
          tx.agency.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }),
          tx,
          { entityType: "Agency", entityId: id, label: "this agency" },
        );
        await recordAudit(tx, { actorId: actor.id, action: "agency.update", entityType: "Agency", entityId: id, details: { before, after: fields }, ip: context.ip });
      }),
    NAME_TAKEN,
  );
  // Story pages tag each picture with its agency (lib/media/views.ts); listings show short credits.
  invalidateTags([cacheTags.agency(id), cacheTags.listings]);
}
