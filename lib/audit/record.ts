// One line in the audit log: who did what to which record, and from which address. Written inside
// the same transaction as the change it describes, so the log never claims a change that was
// rolled back.
import type { Prisma } from "../generated/sqlite/client";
import type { Tx } from "../db";
import { requestIpInScope } from "../auth/request-scope";

type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
  // Left out: the address of the request this write is part of (none for the scheduler and
  // scripts). Sign-in passes its own, read from next-auth's request.
  ip?: string | null;
};

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  const ip = entry.ip !== undefined ? entry.ip : await requestIpInScope();
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details,
      ip,
    },
  });
}
