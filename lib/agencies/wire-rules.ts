// An agency's wire rules, set by an admin on the agency's page: whether an import makes a draft at
// once (else the item waits on the Wire screen) and whether "canceled" unpublishes its story.
import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, type WriteContext } from "../concurrency";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { RecordId, Version } from "../users/schema";

// A checkbox sends "on" when ticked and nothing when not ("true"/"false" for scripts); any other
// value is a broken request, refused rather than read as "unticked".
const checkbox = z
  .enum(["on", "true", "false"], { error: 'A wire rule is a checkbox: send "on" (or "true") when ticked, nothing (or "false") when not.' })
  .optional()
  .transform((value) => value === "on" || value === "true");
const WireRulesInput = z.object({ id: RecordId, version: Version, wireAutoDraft: checkbox, wireCancelUnpublishes: checkbox });

export async function updateAgencyWireRules(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "agency.manage");
  const { id, version, ...rules } = WireRulesInput.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({ where: { id }, select: { wireAutoDraft: true, wireCancelUnpublishes: true } });
    if (!before) throw notFound("That agency");
    await expectUpdated(tx.agency.updateMany({ where: { id, version }, data: { ...rules, version: { increment: 1 } } }), tx, { entityType: "Agency", entityId: id, label: "this agency" });
    await recordAudit(tx, { actorId: actor.id, action: "agency.wire-rules", entityType: "Agency", entityId: id, details: { before, after: rules }, ip: context.ip });
  });
}
