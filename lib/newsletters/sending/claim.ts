// The send queue's bookkeeping: claiming deliveries with a lease, giving back claims a stopping
// sender did not start, settling rows a killed sender left mid-send, and marking editions SENT.
//
// A delivery goes QUEUED → (claimed: leaseUntil set, still QUEUED) → SENDING (just before the
// SMTP transaction) → SENT (just after the relay's 250). A claim that lapses without being
// started is simply claimed again: nothing was sent. A SENDING row whose lease lapsed is the one
// case nobody can decide: the sender died inside the SMTP transaction, or between the relay's
// 250 and writing SENT. Exactly-once wins: such a row is never sent again; it is settled as
// FAILED with UNCERTAIN as its error, counted apart on the send panel ("interrupted"). The
// price is that a reader whose message was cut before the relay took it misses this edition;
// the alternative (resending) would give the others whose message did get through a second copy.
// The window is one SMTP transaction per connection, milliseconds in all.
import "server-only";
import { db } from "../../db";
import { afterEditionSent } from "../editions/archive";

export const UNCERTAIN = "Interrupted: the sender stopped during this message's SMTP transaction. It may or may not have been delivered, so it was not sent again.";

export type Claim = { id: string; lease: Date };

// Up to `size` due deliveries, each claimed by a compare-and-set on its lease (the row must still
// be QUEUED with the lease this instance read), so two instances never hold the same row.
export async function claimDeliveries(size: number, leaseMs: number, now: Date = new Date()): Promise<Claim[]> {
  const candidates = await db.delivery.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }], edition: { status: "SENDING" } },
    select: { id: true, leaseUntil: true },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: size,
  });
  const lease = new Date(now.getTime() + leaseMs);
  const claims: Claim[] = [];
  for (const candidate of candidates) {
    const { count } = await db.delivery.updateMany({ where: { id: candidate.id, status: "QUEUED", leaseUntil: candidate.leaseUntil }, data: { leaseUntil: lease } });
    if (count === 1) claims.push({ id: candidate.id, lease });
  }
  return claims;
}

// A stopping sender hands back what it claimed but did not start, so another instance (or the
// next start) takes it at once instead of after the lease.
export async function releaseClaims(claims: Claim[]): Promise<number> {
  let released = 0;
  for (const claim of claims) {
    const { count } = await db.delivery.updateMany({ where: { id: claim.id, status: "QUEUED", leaseUntil: claim.lease }, data: { leaseUntil: null } });
    released += count;
  }
  return released;
}

// Rows a killed sender left SENDING, once their lease has lapsed: settled, never resent (above).
export async function settleInterrupted(now: Date = new Date()): Promise<number> {
  const { count } = await db.delivery.updateMany({ where: { status: "SENDING", leaseUntil: { lt: now } }, data: { status: "FAILED", lastError: UNCERTAIN, leaseUntil: null } });
  return count;
}

// Editions still SENDING with no delivery left to send (all SENT, FAILED, BOUNCED or SKIPPED,
// or none left because every recipient was erased) become SENT, and show in the public archive.
export async function finishEditions(now: Date = new Date()): Promise<string[]> {
  const done = await db.edition.findMany({ where: { status: "SENDING", deliveries: { none: { status: { in: ["QUEUED", "SENDING"] } } } }, select: { id: true } });
  const finished: string[] = [];
  for (const { id } of done) {
    const { count } = await db.edition.updateMany({ where: { id, status: "SENDING", deliveries: { none: { status: { in: ["QUEUED", "SENDING"] } } } }, data: { status: "SENT", sentAt: now } });
    if (count) {
      finished.push(id);
      afterEditionSent(id);
    }
  }
  return finished;
}
