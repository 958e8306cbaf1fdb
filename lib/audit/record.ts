// One line in the audit log: who did what to which record. Written inside the same transaction
// as the change it describes, so the log never claims a change that was rolled back.
import type { Prisma } from "../generated/sqlite/client";
import type { Tx } from "../db";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
};

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}
