// Erasing a subscriber (admins, a reader's erasure request): the row goes, and with it (cascade)
// their subscriptions and delivery records; what stays is a keyed hash of the address in
// ErasedSubscriber, so an import cannot bring the address back by mistake. The audit line names
// the subscriber's id and what was removed, never the address.
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { notFound, type WriteContext } from "../../concurrency";
import { db } from "../../db";
import { idInput } from "../../text-input";
import { assertCan, type Actor } from "../../permissions";
import { erasedAddressHash } from "../address";

const EraseInput = z.object({ id: idInput() });

export async function eraseSubscriber(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ subscriptions: number; deliveries: number }> {
  assertCan(actor, "subscriber.manage");
  const { id } = EraseInput.parse(input);
  return db.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { id }, select: { email: true, status: true, _count: { select: { subscriptions: true, deliveries: true } } } });
    if (!subscriber) throw notFound("That subscriber");
    const hash = erasedAddressHash(subscriber.email);
    await tx.erasedSubscriber.upsert({ where: { hash }, create: { hash, erasedById: actor.id }, update: { erasedAt: new Date(), erasedById: actor.id } });
    // Subscriptions and deliveries go with the row (onDelete: Cascade).
    await tx.subscriber.delete({ where: { id } });
    const removed = { subscriptions: subscriber._count.subscriptions, deliveries: subscriber._count.deliveries };
    await recordAudit(tx, { actorId: actor.id, action: "subscriber.erase", entityType: "Subscriber", entityId: id, details: { status: subscriber.status, ...removed }, ip: context.ip });
    return removed;
  });
}
