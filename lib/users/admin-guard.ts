// The newsroom must always keep at least one active admin. Role changes and disabling run in a
// serializable transaction and check AFTER their write, so two admins demoting each other at
// the same moment cannot both succeed.
import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";

export async function assertAnAdminRemains(tx: Tx, who: string): Promise<void> {
  const admins = await tx.user.count({ where: { role: "ADMIN", isDisabled: false } });
  if (admins === 0) {
    throw new AppError("CONFLICT", `${who} is the last active admin. Make someone else an admin first, so the newsroom keeps one.`);
  }
}

function isSerializationFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "P2034" || (typeof message === "string" && /could not serialize|40001|write conflict|deadlock/i.test(message));
}

export async function inSerializableTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, { isolationLevel: "Serializable", maxWait: 10_000, timeout: 20_000 });
  } catch (error) {
    if (isSerializationFailure(error)) {
      throw new AppError("CONFLICT", "Someone else changed the team at the same moment. Nothing was saved: reload the page and try again.");
    }
    throw error;
  }
}
