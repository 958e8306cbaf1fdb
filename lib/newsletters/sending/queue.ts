// Putting an edition in the send queue: one Delivery row per subscriber who is confirmed and whose
// subscription to that newsletter is confirmed, written in the same transaction that moves the
// edition to SENDING (so the sender never sees a SENDING edition with half its rows). Also
// scheduling, cancelling a schedule, and the scheduler's sweep of due editions.
import "server-only";
import { recordAudit } from "../../audit/record";
import { expectUpdated, notFound, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { isEmailConfigured } from "../mailer";
import { mailProblem } from "./message";
import { QueueEditionInput, ScheduleEditionInput } from "./schema";
import { afterEditionSent } from "../editions/archive";

export const EMAIL_NOT_CONFIGURED = "Email is not configured (SMTP_URL): nothing can be sent until the server has an SMTP_URL.";

// Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const INSERT_BATCH = 500;
const QUEUE_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

const ref = (id: string) => ({ entityType: "Edition", entityId: id, label: "this edition" });

const REFUSED: Record<string, string> = {
  SENDING: "This edition is already being sent.",
  SENT: "This edition has already been sent; it cannot be sent again.",
  CANCELLED: "This edition was cancelled; it cannot be sent.",
};

function assertEmailConfigured(): void {
  if (!isEmailConfigured()) throw new AppError("CONFLICT", EMAIL_NOT_CONFIGURED);
}

async function loadSendable(tx: Tx, editionId: string) {
  const edition = await tx.edition.findUnique({
    where: { id: editionId },
    select: { id: true, status: true, subject: true, newsletterId: true, scheduledFor: true, newsletter: { select: { senderName: true, senderAddress: true } }, _count: { select: { items: true } } },
  });
  if (!edition) throw notFound("That edition");
  const refusal = REFUSED[edition.status];
  if (refusal) throw new AppError("CONFLICT", refusal);
  const { senderName, senderAddress } = edition.newsletter;
  const problem = mailProblem({ from: { name: senderName, address: senderAddress }, to: senderAddress, subject: edition.subject });
  if (problem) throw new AppError("INVALID", `This edition cannot be sent: ${problem} Fix it in the newsletter's settings or the edition.`);
  if (edition._count.items === 0) throw new AppError("INVALID", "This edition has no stories yet: add at least one before sending it.");
  return edition;
}

// The edition's recipients, as Delivery rows, in batches. Returns how many.
async function createDeliveries(tx: Tx, editionId: string, newsletterId: string): Promise<number> {
  const recipients = await tx.subscription.findMany({
    where: { newsletterId, status: "CONFIRMED", subscriber: { status: "CONFIRMED" } },
    select: { subscriberId: true },
    orderBy: { subscriberId: "asc" },
  });
  for (let start = 0; start < recipients.length; start += INSERT_BATCH) {
    const rows = recipients.slice(start, start + INSERT_BATCH).map(({ subscriberId }) => ({ editionId, subscriberId }));
    await tx.delivery.createMany({ data: rows });
  }
  return recipients.length;
}

// Moves the edition (at `version`) to SENDING with its deliveries; with nobody to send to it is
// SENT at once, so it never waits for deliveries that do not exist.
async function queueInTransaction(tx: Tx, editionId: string, version: number, actorId: string | null, context: WriteContext): Promise<{ recipients: number }> {
  const edition = await loadSendable(tx, editionId);
  const now = new Date();
  await expectUpdated(
    tx.edition.updateMany({ where: { id: editionId, version, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { status: "SENDING", queuedAt: now, version: { increment: 1 } } }),
    tx,
    ref(editionId),
  );
  const recipients = await createDeliveries(tx, editionId, edition.newsletterId);
  if (recipients === 0) await tx.edition.update({ where: { id: editionId }, data: { status: "SENT", sentAt: now } });
  await recordAudit(tx, { actorId, action: "edition.queue", entityType: "Edition", entityId: editionId, details: { recipients, scheduled: actorId === null }, ip: context.ip });
  return { recipients };
}

export async function queueEdition(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ recipients: number }> {
  assertCan(actor, "edition.send");
  const { editionId, version } = QueueEditionInput.parse(input);
  assertEmailConfigured();
  const queued = await db.$transaction((tx) => queueInTransaction(tx, editionId, version, actor.id, context), QUEUE_TRANSACTION);
  if (queued.recipients === 0) afterEditionSent(editionId);
  return queued;
}

export async function scheduleEdition(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ scheduledFor: Date }> {
  assertCan(actor, "edition.send");
  const { editionId, version, at } = ScheduleEditionInput.parse(input);
  assertEmailConfigured();
  if (at.getTime() <= Date.now()) throw new AppError("INVALID", "Please fix: at: pick a time in the future (or send now).");
  return db.$transaction(async (tx) => {
    const edition = await loadSendable(tx, editionId);
    await expectUpdated(
      tx.edition.updateMany({ where: { id: editionId, version, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { status: "SCHEDULED", scheduledFor: at, version: { increment: 1 } } }),
      tx,
      ref(editionId),
    );
    const details = { scheduledFor: { from: edition.scheduledFor.toISOString(), to: at.toISOString() } };
    await recordAudit(tx, { actorId: actor.id, action: "edition.schedule", entityType: "Edition", entityId: editionId, details, ip: context.ip });
    return { scheduledFor: at };
  });
}

export async function cancelSchedule(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "edition.send");
  const { editionId, version } = QueueEditionInput.parse(input);
  await db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { status: true } });
    if (!edition) throw notFound("That edition");
    if (edition.status !== "SCHEDULED") throw new AppError("CONFLICT", "This edition is not scheduled (any more): reload the page.");
    await expectUpdated(tx.edition.updateMany({ where: { id: editionId, version, status: "SCHEDULED" }, data: { status: "DRAFT", version: { increment: 1 } } }), tx, ref(editionId));
    await recordAudit(tx, { actorId: actor.id, action: "edition.unschedule", entityType: "Edition", entityId: editionId, ip: context.ip });
  });
}

// The scheduler's sweep (lib/scheduler.ts, under the cross-instance scheduler lock): every
// SCHEDULED edition that has fallen due is queued. Without SMTP_URL they wait (and say so).
export async function queueDueEditions(now: Date = new Date()): Promise<{ queued: string[]; refused: { id: string; reason: string }[]; waiting: number }> {
  const due = await db.edition.findMany({ where: { status: "SCHEDULED", scheduledFor: { lte: now } }, select: { id: true, version: true }, orderBy: { scheduledFor: "asc" } });
  if (!due.length || !isEmailConfigured()) return { queued: [], refused: [], waiting: due.length };
  const queued: string[] = [];
  const refused: { id: string; reason: string }[] = [];
  for (const edition of due) {
    try {
      const { recipients } = await db.$transaction((tx) => queueInTransaction(tx, edition.id, edition.version, null, { ip: null }), QUEUE_TRANSACTION);
      if (recipients === 0) afterEditionSent(edition.id);
      queued.push(edition.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id: edition.id, reason: error.message });
    }
  }
  return { queued, refused, waiting: 0 };
}
