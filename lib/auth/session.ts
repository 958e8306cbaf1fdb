// Who is making this request. The session token only says which user signed in; role and
// disabled flag come from the database, read once per request (React cache), so a demoted or
// disabled user loses access on their next click.
import "server-only";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { AppError } from "../errors";
import type { Actor } from "../permissions";
import { passwordFingerprint } from "./password";
import { clientIp } from "./request-ip";
import { authSecret } from "./secret";
import { liveSessionUser } from "./user-sessions";

export type SessionUser = Actor & { email: string };

async function readSessionToken() {
  const secret = authSecret();
  if (!secret) return null;
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  // getToken reads (possibly chunked) session cookies from anything with getAll().
  const request = { cookies: cookieStore, headers: headerList } as unknown as Parameters<typeof getToken>[0]["req"];
  return getToken({ req: request, secret });
}

async function loadCurrentUser(): Promise<SessionUser | null> {
  const token = await readSessionToken();
  if (!token?.sub) return null;
  // The session must still be live on the server: signing out revokes it, whoever holds the cookie.
  const user = await liveSessionUser(token.sid, token.sub);
  if (!user || user.isDisabled) return null;
  // The password was reset since this session signed in.
  if (token.pwd !== passwordFingerprint(user.passwordHash)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export const getCurrentUser: () => Promise<SessionUser | null> = cache(loadCurrentUser);

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return user;
}

// The client address of the current request, for the audit log.
export async function currentRequestIp(): Promise<string | null> {
  const ip = clientIp(await headers());
  return ip === "unknown" ? null : ip;
}
