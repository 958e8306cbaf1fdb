// What a subscriber does with the signed manage link from any email (no account, no cookie): see
// and change their newsletters, leave one, or leave all. Leaving all bumps tokenVersion, so every
// link in earlier emails stops working. Each change is audited (actor null: the reader).
import "server-only";
import { db, type Tx } from "../../db";
import { recordAudit } from "../../audit/record";
import { isRecordId } from "../../editor/record-id";
import { readLinkToken } from "../links";
import { listOfferedNewsletters } from "../queries";

export type Preferences = {
  email: string;
  // Every newsletter on offer, and any archived one still subscribed to.
  newsletters: { id: string; name: string; description: string; isSubscribed: boolean }[];
};

export type UnsubscribeOutcome = { status: "done"; left: string[] } | { status: "invalid" };

type Holder = { id: string; email: string; status: string; tokenVersion: number };

// The subscriber a manage token names, or null when it is forged, for another purpose, or
// made before the subscriber's links were revoked.
async function holderOf(token: unknown, client: Tx | typeof db = db): Promise<Holder | null> {
  const claims = typeof token === "string" ? readLinkToken("manage", token) : null;
  if (!claims) return null;
  const subscriber = await client.subscriber.findUnique({ where: { id: claims.s }, select: { id: true, email: true, status: true, tokenVersion: true } });
  return subscriber && subscriber.tokenVersion === claims.v ? subscriber : null;
}

export async function readPreferences(token: unknown): Promise<Preferences | null> {
  const holder = await holderOf(token);
  if (!holder) return null;
  const [offered, subscriptions] = await Promise.all([
    listOfferedNewsletters(),
    db.subscription.findMany({ where: { subscriberId: holder.id, status: "CONFIRMED" }, select: { newsletter: { select: { id: true, name: true, description: true } } } }),
  ]);
  const subscribed = new Set(subscriptions.map((s) => s.newsletter.id));
  const archived = subscriptions.map((s) => s.newsletter).filter((n) => !offered.some((o) => o.id === n.id));
  return { email: holder.email, newsletters: [...offered, ...archived].map((n) => ({ id: n.id, name: n.name, description: n.description, isSubscribed: subscribed.has(n.id) })) };
}

// Keeps exactly the newsletters in `wanted` (ids not on offer are ignored). The link reached the
// address's own mailbox, so a newsletter added here is confirmed at once, with its consent text.
// Keeping none is leaving all ("left-all": the link no longer works).
export async function updatePreferences(token: unknown, wanted: unknown, ip: string, now = new Date()): Promise<"saved" | "left-all" | "invalid"> {
  const ids = new Set((Array.isArray(wanted) ? wanted : [wanted]).filter(isRecordId));
  if (ids.size === 0) return (await unsubscribe(token, null, ip, now)).status === "done" ? "left-all" : "invalid";
  const isSaved = await db.$transaction(async (tx) => {
    const holder = await holderOf(token, tx);
    if (!holder) return false;
    const offered = await listOfferedNewsletters(tx);
    const current = await tx.subscription.findMany({ where: { subscriberId: holder.id }, select: { newsletterId: true, status: true } });
    const statusOf = new Map(current.map((s) => [s.newsletterId, s.status]));
    const added = offered.filter((n) => ids.has(n.id) && statusOf.get(n.id) !== "CONFIRMED");
    const removed = current.filter((s) => s.status !== "UNSUBSCRIBED" && !ids.has(s.newsletterId)).map((s) => s.newsletterId);
    for (const n of added) {
      const data = { status: "CONFIRMED" as const, consentText: n.consentText, consentAt: now, confirmedAt: now, unsubscribedAt: null };
      await tx.subscription.upsert({ where: { subscriberId_newsletterId: { subscriberId: holder.id, newsletterId: n.id } }, create: { subscriberId: holder.id, newsletterId: n.id, ...data }, update: data });
    }
    if (removed.length) await tx.subscription.updateMany({ where: { subscriberId: holder.id, newsletterId: { in: removed } }, data: { status: "UNSUBSCRIBED", unsubscribedAt: now } });
    if (added.length && holder.status === "UNSUBSCRIBED") await tx.subscriber.update({ where: { id: holder.id }, data: { status: "CONFIRMED", unsubscribedAt: null } });
    if (added.length || removed.length) {
      await recordAudit(tx, { actorId: null, action: "subscriber.preferences", entityType: "Subscriber", entityId: holder.id, ip, details: { added: added.map((n) => n.id), removed } });
    }
    return true;
  });
  return isSaved ? "saved" : "invalid";
}

// Leaves one newsletter (`newsletterId`), or all of them (null). Leaving the last one leaves the
// subscriber UNSUBSCRIBED too. Idempotent: leaving again is "done" and records nothing.
export async function unsubscribe(token: unknown, newsletterId: string | null, ip: string, now = new Date()): Promise<UnsubscribeOutcome> {
  return db.$transaction(async (tx) => {
    const holder = await holderOf(token, tx);
    if (!holder) return { status: "invalid" } as const;
    const listId = newsletterId !== null && isRecordId(newsletterId) ? newsletterId : null;
    const leaving = await tx.subscription.findMany({
      where: { subscriberId: holder.id, status: { not: "UNSUBSCRIBED" }, ...(listId ? { newsletterId: listId } : {}) },
      select: { newsletterId: true, newsletter: { select: { name: true } } },
    });
    if (newsletterId !== null && !listId) return { status: "done", left: [] } as const;
    if (leaving.length) await tx.subscription.updateMany({ where: { subscriberId: holder.id, newsletterId: { in: leaving.map((s) => s.newsletterId) } }, data: { status: "UNSUBSCRIBED", unsubscribedAt: now } });
    const remaining = listId ? await tx.subscription.count({ where: { subscriberId: holder.id, status: { not: "UNSUBSCRIBED" } } }) : 0;
    const isLeavingAll = listId === null;
    if (remaining === 0 && (holder.status !== "UNSUBSCRIBED" || isLeavingAll)) {
      // Leaving all revokes every link sent so far; leaving the last list one at a time does not.
      await tx.subscriber.update({
        where: { id: holder.id },
        data: { status: holder.status === "BOUNCED" ? "BOUNCED" : "UNSUBSCRIBED", unsubscribedAt: now, ...(isLeavingAll ? { tokenVersion: { increment: 1 } } : {}) },
      });
    }
    if (leaving.length || isLeavingAll) {
      await recordAudit(tx, {
        actorId: null,
        action: "subscriber.unsubscribe",
        entityType: "Subscriber",
        entityId: holder.id,
        ip,
        details: { newsletterIds: leaving.map((s) => s.newsletterId), isAll: isLeavingAll },
      });
    }
    return { status: "done", left: leaving.map((s) => s.newsletter.name) } as const;
  });
}
