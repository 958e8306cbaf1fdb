// Lets a process other than the server (the `npm run publish-due` cron job) tell the running
// server which stories changed, so its in-process page cache drops them at once. Requests are
// signed with the server's secret.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./auth/secret";

export const REFRESH_PATH = "/api/internal/refresh";
export const SIGNATURE_HEADER = "x-pressbox-signature";

export function signRefresh(body: string, secret: string | undefined = authSecret()): string {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`refresh:${body}`).digest("hex");
}

export function isValidRefreshSignature(body: string, signature: string | null): boolean {
  const secret = authSecret();
  if (!secret || !signature) return false;
  const expected = Buffer.from(signRefresh(body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
