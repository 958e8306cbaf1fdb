// Checking a sign-in: throttle, password, account state; every heard attempt is recorded in
// LoginAttempt, and attempts on real accounts in the audit log.
import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { db as defaultDb, type Db } from "../db";
import { AppError } from "../errors";
import type { Role } from "../permissions";
import { forgetAttempt, startAttempt, throttleWait } from "../rate-limit/login-throttle";
import { passwordFingerprint, verifyPassword } from "./password";
import { hasUnstorableCharacters, UNSTORABLE_MESSAGE } from "../text-input";

export type SignedInUser = { id: string; name: string; email: string; role: Role; passwordFingerprint: string };

// Errors next-auth passes to the sign-in page as ?error=… (the page turns them into sentences).
export const SIGN_IN_ERRORS = { throttled: "TooManyAttempts", disabled: "AccountDisabled", unstorable: "UnstorableText" } as const;

const Credentials = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
});

// deviceId: this browser's device cookie for the account (lib/auth/device-cookie.ts), if any.
type SignInContext = { ip: string; deviceId?: string | null; now?: Date; db?: Db };

async function recordFailure(db: Db, user: { id: string; email: string } | null, reason: string, ip: string): Promise<void> {
  // Unknown emails stay out of the audit log: people type passwords into the email field.
  if (user) await recordAudit(db, { actorId: null, action: "auth.sign-in-failed", entityType: "User", entityId: user.id, details: { email: user.email, reason }, ip });
}

async function recordSuccess(db: Db, attemptId: string, user: { id: string; email: string }, ip: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: attemptId }, data: { isSuccess: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign-in", entityType: "User", entityId: user.id, details: { email: user.email }, ip });
  });
}

// The signed-in user, or null for a wrong email or password (the caller must not say which).
// Throws AppError TOO_MANY_REQUESTS while throttled and FORBIDDEN for a disabled account.
export async function authenticate(input: unknown, context: SignInContext): Promise<SignedInUser | null> {
  // Refused before anything is recorded: no account's email holds one, and PostgreSQL cannot
  // store the attempt that names it (SQLite would).
  if (hasUnstorableCharacters(String((input as { email?: unknown } | null)?.email ?? ""))) {
    throw new AppError("INVALID", `The email ${UNSTORABLE_MESSAGE}.`);
  }
  const parsed = Credentials.safeParse(input);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;
  const db = context.db ?? defaultDb;
  const now = context.now ?? new Date();
  const key = { email, ip: context.ip, deviceId: context.deviceId ?? null };
  const attemptId = await startAttempt(db, key, now);
  const waitMs = await throttleWait(db, key, attemptId, now);
  if (waitMs > 0) {
    await forgetAttempt(db, attemptId);
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `Too many sign-in attempts. Try again in ${seconds} seconds.`, { retryAfterSeconds: seconds });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true, isDisabled: true, passwordHash: true } });
  if (!(await verifyPassword(password, user?.passwordHash))) {
    await recordFailure(db, user, "wrong-password", context.ip);
    return null;
  }
  if (user!.isDisabled) {
    await recordFailure(db, user, "disabled", context.ip);
    throw new AppError("FORBIDDEN", "This account is disabled. Ask an administrator to enable it.");
  }
  await recordSuccess(db, attemptId, user!, context.ip, now);
  const { passwordHash, isDisabled: _, ...rest } = user!;
  return { ...rest, passwordFingerprint: passwordFingerprint(passwordHash) };
}
