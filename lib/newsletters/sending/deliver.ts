// Sending one claimed delivery: still wanted? (a reader who left or bounced since the edition was
// queued is SKIPPED), then SENDING, the SMTP transaction, and its outcome: SENT; a temporary
// failure retried later with back-off (FAILED after the last attempt); a permanent one BOUNCED,
// and the subscriber with it, so they are never mailed again. claim.ts says why the order matters.
import "server-only";
import { db } from "../../db";
import { MailSendError, sendMail } from "../mailer";
import type { PreparedEdition } from "../types";
import type { Claim } from "./claim";
import { editionMail, mailProblem, recipientOf, siteHost } from "./message";
import { retryDelayMs, type SendSettings } from "./settings";

export type DeliveryOutcome = "sent" | "retry" | "failed" | "bounced" | "skipped" | "lost";

export type DeliverContext = { settings: SendSettings; prepared: (editionId: string) => Promise<PreparedEdition>; now: () => Date };

async function load(id: string) {
  return db.delivery.findUnique({
    where: { id },
    select: {
      editionId: true,
      status: true,
      leaseUntil: true,
      attempts: true,
      edition: { select: { newsletterId: true } },
      subscriber: { select: { id: true, email: true, status: true, tokenVersion: true, subscriptions: { select: { newsletterId: true, status: true } } } },
    },
  });
}

function skipReason(row: NonNullable<Awaited<ReturnType<typeof load>>>): string | null {
  const { subscriber } = row;
  if (subscriber.status !== "CONFIRMED") return `The subscriber is ${subscriber.status.toLowerCase()} (changed after the edition was queued).`;
  const subscription = subscriber.subscriptions.find((s) => s.newsletterId === row.edition.newsletterId);
  if (subscription?.status !== "CONFIRMED") return "The subscriber left this newsletter after the edition was queued.";
  return null;
}

export async function deliver(claim: Claim, context: DeliverContext): Promise<DeliveryOutcome> {
  const row = await load(claim.id);
  // Gone (the subscriber was erased) or taken over by another instance after our lease lapsed.
  if (!row || row.status !== "QUEUED" || row.leaseUntil?.getTime() !== claim.lease.getTime()) return "lost";
  const mine = { id: claim.id, status: "QUEUED" as const, leaseUntil: claim.lease };
  const skip = skipReason(row);
  if (skip) {
    const { count } = await db.delivery.updateMany({ where: mine, data: { status: "SKIPPED", lastError: skip, leaseUntil: null } });
    return count ? "skipped" : "lost";
  }
  const edition = await context.prepared(row.editionId);
  const mail = editionMail(edition, recipientOf(row.subscriber, row.edition.newsletterId), { messageId: `${claim.id}@${siteHost()}` });
  const problem = mailProblem(mail);
  if (problem) {
    const { count } = await db.delivery.updateMany({ where: mine, data: { status: "FAILED", lastError: problem, leaseUntil: null } });
    return count ? "failed" : "lost";
  }
  const sendingLease = new Date(context.now().getTime() + context.settings.leaseMs);
  const started = await db.delivery.updateMany({ where: mine, data: { status: "SENDING", attempts: { increment: 1 }, leaseUntil: sendingLease } });
  if (started.count === 0) return "lost";
  try {
    const result = await sendMail(mail);
    // Unconditional: the relay said 250, whatever happened to the row meanwhile (claim.ts).
    await db.delivery.updateMany({ where: { id: claim.id }, data: { status: "SENT", sentAt: context.now(), messageId: result.messageId || `<${claim.id}@${siteHost()}>`, leaseUntil: null, lastError: null } });
    return "sent";
  } catch (error) {
    return failed(claim.id, row.subscriber.id, row.attempts + 1, error, context);
  }
}

async function failed(id: string, subscriberId: string, attempts: number, error: unknown, context: DeliverContext): Promise<DeliveryOutcome> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const now = context.now();
  if (error instanceof MailSendError && error.kind === "permanent") {
    await db.$transaction([
      db.delivery.updateMany({ where: { id, status: "SENDING" }, data: { status: "BOUNCED", lastError: reason, leaseUntil: null } }),
      db.subscriber.updateMany({ where: { id: subscriberId, status: { not: "BOUNCED" } }, data: { status: "BOUNCED", bouncedAt: now, bounceReason: reason } }),
    ]);
    return "bounced";
  }
  // Temporary (4xx, connection trouble) and anything unexpected (logged by the caller): later.
  if (attempts >= context.settings.maxAttempts) {
    await db.delivery.updateMany({ where: { id, status: "SENDING" }, data: { status: "FAILED", lastError: `${reason} (gave up after ${attempts} attempts)`, leaseUntil: null } });
    return "failed";
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, context.settings.retryBaseMs));
  await db.delivery.updateMany({ where: { id, status: "SENDING" }, data: { status: "QUEUED", lastError: reason, nextAttemptAt, leaseUntil: null } });
  return "retry";
}
