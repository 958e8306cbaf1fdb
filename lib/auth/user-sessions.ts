// Server-side sessions. The session cookie (a next-auth JWT) names a UserSession row; every
// request checks that row (lib/auth/session.ts), so signing out, "sign out everywhere" and an
// admin's "sign out everywhere" for someone else end a session at once, even for a copied cookie.
import "server-only";
import { z } from "zod";
import { idInput } from "../text-input";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";

// lastSeenAt is refreshed at most this often, so reading a page does not always write.
const SEEN_EVERY_MS = 5 * 60_000;

type SessionOrigin = { ip: string | null; userAgent: string };

export async function startSession(userId: string, origin: SessionOrigin): Promise<string> {
  const row = await db.userSession.create({ data: { userId, ip: origin.ip, userAgent: origin.userAgent.slice(0, 300) }, select: { id: true } });
  return row.id;
}

// The user of a live session, or null (unknown, revoked, or not this user's).
export async function liveSessionUser(sessionId: unknown, userId: string, now = new Date()) {
  if (typeof sessionId !== "string" || sessionId.length > 40) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, revokedAt: true, lastSeenAt: true, user: { select: { id: true, name: true, email: true, role: true, isDisabled: true, passwordHash: true } } },
  });
  if (!row || row.revokedAt || row.userId !== userId) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    void db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } }).catch(() => undefined);
  }
  return row.user;
}

export async function revokeSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string" || sessionId.length > 40) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

const SignOutEverywhereInput = z.object({ userId: idInput() });

// A person may end all their own sessions; an admin may end anyone's.
export async function signOutEverywhere(actor: Actor | null, raw: unknown, context: { ip?: string | null } = {}): Promise<{ revoked: number }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  const { userId } = SignOutEverywhereInput.parse(raw);
  if (userId !== actor.id) assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "That account does not exist.");
    const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "auth.sign-out-everywhere", entityType: "User", entityId: userId, details: { email: user.email, sessions: count }, ip: context.ip });
    return { revoked: count };
  });
}

export async function listSessions(actor: Actor | null, userId: string) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (userId !== actor.id) assertCan(actor, "user.manage");
  return db.userSession.findMany({
    where: { userId, revokedAt: null },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}
