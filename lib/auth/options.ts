// next-auth configuration: email + password (Credentials), JWT sessions, our own pages. The token
// carries the user's id, role and a fingerprint of the password hash; getCurrentUser() re-reads
// role and disabled flag from the database on every request, so the token is never the authority.
import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { isAppError } from "../errors";
import type { Role } from "../permissions";
import { clientIp } from "./request-ip";
import { authenticate, SIGN_IN_ERRORS } from "./sign-in";
import { revokeSession, startSession } from "./user-sessions";
import { deviceIdForRequest, rememberDevice } from "./device-cookie";

function normalizedEmail(credentials: Record<string, string> | undefined): string {
  return String(credentials?.email ?? "")
    .trim()
    .toLowerCase();
}

// What authorize() hands next-auth and its jwt callback receives back: the signed-in person and
// the server-side session just started for them.
declare module "next-auth" {
  interface User {
    name: string;
    email: string;
    role: Role;
    passwordFingerprint: string;
    sessionId: string;
  }
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

// What the session token holds besides next-auth's own fields.
// sid: the server-side session (lib/auth/user-sessions.ts) this cookie belongs to.
type SessionClaims = { sub: string; name: string; email: string; role: Role; pwd: string; sid: string };

function claimsFor(user: User): SessionClaims {
  return { sub: user.id, name: user.name, email: user.email, role: user.role, pwd: user.passwordFingerprint, sid: user.sessionId };
}

// next-auth turns a thrown Error's message into ?error=… for the sign-in page.
async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: unknown): Promise<User | null> {
  try {
    const source = headers as Record<string, string>;
    const ip = clientIp(source);
    const deviceId = await deviceIdForRequest(normalizedEmail(credentials));
    const user = await authenticate(credentials, { ip, deviceId });
    if (!user) return null;
    const sessionId = await startSession(user.id, { ip: ip === "unknown" ? null : ip, userAgent: String(source["user-agent"] ?? "") });
    await rememberDevice(user.email, deviceId);
    return { ...user, sessionId, image: null };
  } catch (error) {
    if (isAppError(error) && error.code === "TOO_MANY_REQUESTS") {
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
      throw new Error(`${SIGN_IN_ERRORS.throttled}:${seconds}`, { cause: error });
    }
    if (isAppError(error) && error.code === "FORBIDDEN") throw new Error(SIGN_IN_ERRORS.disabled, { cause: error });
    if (isAppError(error) && error.code === "INVALID") throw new Error(SIGN_IN_ERRORS.unstorable, { cause: error });
    console.error("[pressbox] sign-in failed unexpectedly", error);
    throw new Error("SignInUnavailable", { cause: error });
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user ? { ...token, ...claimsFor(user) } : token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub, name: token.name, email: token.email, role: token.role } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sub) return;
      await revokeSession(token.sid);
      await recordAudit(db, { actorId: token.sub, action: "auth.sign-out", entityType: "User", entityId: token.sub }).catch((error) => {
        // A user deleted meanwhile: signing out must still work.
        console.error("[pressbox] could not record a sign-out", error);
      });
    },
  },
};
