// Guards every newsroom write shares: optimistic concurrency (a write names the version it saw)
// and turning a unique-constraint race into a message instead of a 500.
import type { Tx } from "../db";
import { AppError } from "../errors";

export type RecordRef = { entityType: string; entityId: string; label: string };

// "Jane Doe changed this agency after you opened it": the latest audit entry says who.
export async function staleVersionError(tx: Tx, ref: RecordRef): Promise<AppError> {
  const last = await tx.auditEntry.findFirst({
    where: { entityType: ref.entityType, entityId: ref.entityId },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { name: true } } },
  });
  const who = last?.actor?.name ?? null;
  const message = `${who ?? "Someone"} changed ${ref.label} after you opened it. Nothing was saved: reload the page to see the current version, then make your change again.`;
  return new AppError("CONFLICT", message, { savedBy: who });
}

// For `updateMany({ where: { id, version } })`: no row updated means someone saved in between.
export async function expectUpdated(update: Promise<{ count: number }>, tx: Tx, ref: RecordRef): Promise<void> {
  if ((await update).count === 0) throw await staleVersionError(tx, ref);
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

// Runs a write; a unique-constraint failure (two people creating the same name at once)
// becomes a 409 with `message`.
export async function withUniqueCheck<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", message);
    throw error;
  }
}

export function notFound(label: string): AppError {
  return new AppError("NOT_FOUND", `${label} no longer exists: it may have been merged or deleted. Reload the page.`);
}

// What a command knows about the request besides the actor, for the audit log.
export type WriteContext = { ip?: string | null };
