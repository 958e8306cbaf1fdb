// Guards every newsroom write shares: optimistic concurrency (a write names the version it saw;
// if someone saved since, it is refused with 409 and their name, and nothing is written) and
// turning a unique-constraint race into a message instead of a 500. The one place for both.
import type { Tx } from "./db";
import { AppError } from "./errors";

export type RecordRef = { entityType: string; entityId: string; label: string };

type Stale = {
  // Who saved in between, when known.
  savedBy: string | null;
  // What was changed, as the message names it: "this story", "this agency".
  label: string;
  // A story's editor merges (it keeps what the person typed); other screens reload.
  recovery: "merge" | "reload";
  versions?: { current: number; expected: number };
};

// "Jane Doe changed this agency after you opened it." The one stale-version refusal.
export function staleVersionError(stale: Stale): AppError {
  const who = stale.savedBy ?? "Someone";
  const message =
    stale.recovery === "merge"
      ? `${who} saved ${stale.label} after you opened it. Your changes were not saved: compare them with the current version and merge by hand.`
      : `${who} changed ${stale.label} after you opened it. Nothing was saved: reload the page to see the current version, then make your change again.`;
  const versions = stale.versions ? { currentVersion: stale.versions.current, expectedVersion: stale.versions.expected } : {};
  return new AppError("CONFLICT", message, { ...versions, savedBy: stale.recovery === "merge" ? who : stale.savedBy });
}

// A record's stale-version refusal, naming the person the latest audit entry says saved it.
export async function staleRecordError(tx: Tx, ref: RecordRef): Promise<AppError> {
  const last = await tx.auditEntry.findFirst({
    where: { entityType: ref.entityType, entityId: ref.entityId },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { name: true } } },
  });
  return staleVersionError({ savedBy: last?.actor?.name ?? null, label: ref.label, recovery: "reload" });
}

// For `updateMany({ where: { id, version } })`: no row updated means someone saved in between.
export async function expectUpdated(update: Promise<{ count: number }>, tx: Tx, ref: RecordRef): Promise<void> {
  if ((await update).count === 0) throw await staleRecordError(tx, ref);
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
