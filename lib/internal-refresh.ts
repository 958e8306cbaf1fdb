// Lets a process other than the server (the `npm run publish-due` cron job) tell the running
// server which stories changed, so its in-process page cache drops them at once. Requests are
// signed with the server's secret; what is signed includes a time and a one-off nonce, so a
// notice is accepted once and only for a few minutes: a captured one cannot be replayed, to this
// instance or (with REDIS_URL, where the spent nonces live) to another one.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "./auth/secret";
import { InProcessOnceStore, RedisOnceStore, type OnceStore } from "./cluster/once";
import { redisLink } from "./cluster/redis";

export const REFRESH_PATH = "/api/internal/refresh";
export const SIGNATURE_HEADER = "x-pressbox-signature";
// The largest notice: 500 ids with their JSON punctuation fit well within it.
export const MAX_REFRESH_BYTES = 100_000;
const MAX_AGE_MS = 5 * 60_000;
const SIGNATURE = /^v1\.(\d{13})\.([0-9a-f]{32})\.([0-9a-f]{64})$/;

declare global {
  var pressboxRefreshNonces: OnceStore | undefined;
}

// Nonces of accepted notices, kept until their signatures would have expired anyway: on Redis
// once the server started its link (lib/cluster/start.ts), else in this process.
function usedNonces(): OnceStore {
  const link = redisLink();
  if (link) return new RedisOnceStore(link, "refresh-nonce");
  return (globalThis.pressboxRefreshNonces ??= new InProcessOnceStore());
}

function hmac(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac("sha256", secret).update(`refresh:${timestamp}:${nonce}:${body}`).digest("hex");
}

// The header value for one notice: "v1.<ms since epoch>.<nonce>.<hmac>".
export function signRefresh(body: string, secret: string | undefined = authSecret(), now: number = Date.now()): string {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const timestamp = String(now).padStart(13, "0");
  const nonce = randomBytes(16).toString("hex");
  return `v1.${timestamp}.${nonce}.${hmac(secret, timestamp, nonce, body)}`;
}

// Checked before the body is read: a well-formed signature made within the last few minutes.
export function isFreshRefreshSignature(signature: string | null, now: number = Date.now()): boolean {
  const parts = signature ? SIGNATURE.exec(signature) : null;
  return parts !== null && Math.abs(now - Number(parts[1])) <= MAX_AGE_MS;
}

// True once per signature: it is fresh, signs this body with this server's secret, and its nonce
// has not been accepted before (the nonce is then spent). False too when the shared nonce store
// does not answer: refusing a notice costs a few seconds of staleness, accepting a replay does not.
export async function acceptRefreshSignature(body: string, signature: string | null, now: number = Date.now(), nonces: OnceStore = usedNonces()): Promise<boolean> {
  const secret = authSecret();
  if (!secret || !signature || !isFreshRefreshSignature(signature, now)) return false;
  const [, timestamp, nonce, given] = SIGNATURE.exec(signature)!;
  const expected = Buffer.from(hmac(secret, timestamp, nonce, body));
  if (!timingSafeEqual(Buffer.from(given), expected)) return false;
  try {
    return await nonces.claim(nonce, Number(timestamp) + MAX_AGE_MS, now);
  } catch (error) {
    console.warn(`[refresh] refused a notice: its nonce could not be checked on Redis (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}
