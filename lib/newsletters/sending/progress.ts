// What the send panel shows of an edition: its state and, once queued, how its deliveries stand.
import "server-only";
import { notFound } from "../../concurrency";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { isEmailConfigured } from "../mailer";
import { UNCERTAIN } from "./claim";
import { EditionIdInput } from "./schema";

export type EditionProgress = {
  status: "DRAFT" | "SCHEDULED" | "SENDING" | "SENT" | "CANCELLED";
  version: number;
  scheduledFor: string;
  sentAt: string | null;
  emailConfigured: boolean;
  // Deliveries by state; `interrupted`: FAILED because a stopped sender may or may not have sent them.
  counts: { total: number; queued: number; sending: number; sent: number; failed: number; bounced: number; skipped: number; interrupted: number };
};

export async function editionProgress(actor: Actor | null, input: unknown): Promise<EditionProgress> {
  assertCan(actor, "edition.edit");
  const { editionId } = EditionIdInput.parse(input);
  const [edition, groups, interrupted] = await Promise.all([
    db.edition.findUnique({ where: { id: editionId }, select: { status: true, version: true, scheduledFor: true, sentAt: true } }),
    db.delivery.groupBy({ by: ["status"], where: { editionId }, _count: { _all: true } }),
    db.delivery.count({ where: { editionId, status: "FAILED", lastError: UNCERTAIN } }),
  ]);
  if (!edition) throw notFound("That edition");
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  const counts = {
    total: groups.reduce((sum, group) => sum + group._count._all, 0),
    queued: count("QUEUED"),
    sending: count("SENDING"),
    sent: count("SENT"),
    failed: count("FAILED") - interrupted,
    bounced: count("BOUNCED"),
    skipped: count("SKIPPED"),
    interrupted,
  };
  return { status: edition.status, version: edition.version, scheduledFor: edition.scheduledFor.toISOString(), sentAt: edition.sentAt?.toISOString() ?? null, emailConfigured: isEmailConfigured(), counts };
}
