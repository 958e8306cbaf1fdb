// A reader confirms a sign-up from the link in the confirmation email (double opt-in): the
// subscription and the subscriber become CONFIRMED, with the time and address of confirming.
// Idempotent: a second press of the button changes nothing and says the same.
import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit/record";
import { erasedAddressHash } from "../address";
import { CONFIRM_LINK_HOURS, readLinkToken } from "../links";

export type ConfirmOutcome = { status: "confirmed"; newsletterName: string } | { status: "invalid" };

const INVALID: ConfirmOutcome = { status: "invalid" };

// What the confirm page shows before the button is pressed: the newsletter's name, or null for a
// link that is expired, forged or no longer valid.
export async function readConfirmToken(token: unknown, now = new Date()): Promise<{ newsletterName: string; isConfirmed: boolean } | null> {
  const claims = typeof token === "string" ? readLinkToken("confirm", token, now) : null;
  if (!claims?.n) return null;
  const subscription = await db.subscription.findUnique({
    where: { subscriberId_newsletterId: { subscriberId: claims.s, newsletterId: claims.n } },
    select: { status: true, subscriber: { select: { tokenVersion: true, status: true } }, newsletter: { select: { name: true } } },
  });
  if (!subscription || subscription.subscriber.tokenVersion !== claims.v) return null;
  return { newsletterName: subscription.newsletter.name, isConfirmed: subscription.status === "CONFIRMED" && subscription.subscriber.status === "CONFIRMED" };
}

export async function confirm(token: unknown, ip: string, now = new Date()): Promise<ConfirmOutcome> {
  const claims = typeof token === "string" ? readLinkToken("confirm", token, now) : null;
  if (!claims?.n) return INVALID;
  const { s: subscriberId, v: tokenVersion, n: newsletterId } = claims;
  // The link was made this long before it expires; leaving the list after that outranks it.
  const issuedAt = new Date(((claims.e ?? 0) - CONFIRM_LINK_HOURS * 3600) * 1000);
  return db.$transaction(async (tx) => {
    const key = { subscriberId_newsletterId: { subscriberId, newsletterId } };
    const subscription = await tx.subscription.findUnique({
      where: key,
      select: { status: true, unsubscribedAt: true, consentText: true, consentAt: true, subscriber: { select: { email: true, status: true, tokenVersion: true } }, newsletter: { select: { name: true } } },
    });
    if (!subscription || subscription.subscriber.tokenVersion !== tokenVersion) return INVALID;
    if (subscription.status === "UNSUBSCRIBED" && subscription.unsubscribedAt && subscription.unsubscribedAt > issuedAt) return INVALID;
    const confirmed: ConfirmOutcome = { status: "confirmed", newsletterName: subscription.newsletter.name };
    if (subscription.status === "CONFIRMED" && subscription.subscriber.status === "CONFIRMED") return confirmed;
    await tx.subscription.update({ where: key, data: { status: "CONFIRMED", confirmedAt: now, unsubscribedAt: null } });
    await tx.subscriber.update({
      where: { id: subscriberId },
      data: { status: "CONFIRMED", confirmedAt: now, confirmIp: ip, consentText: subscription.consentText, consentAt: subscription.consentAt, unsubscribedAt: null, bouncedAt: null, bounceReason: null },
    });
    // The person confirmed from their own mailbox: an earlier erasure no longer stands in the way.
    const { count: erasedHashesRemoved } = await tx.erasedSubscriber.deleteMany({ where: { hash: erasedAddressHash(subscription.subscriber.email) } });
    await recordAudit(tx, {
      actorId: null,
      action: "subscriber.confirm",
      entityType: "Subscriber",
      entityId: subscriberId,
      ip,
      details: { newsletterId, subscriberWas: subscription.subscriber.status, erasedHashRemoved: erasedHashesRemoved > 0 },
    });
    return confirmed;
  });
}
