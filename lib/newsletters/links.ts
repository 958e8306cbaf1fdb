// Signed links in newsletter emails: confirming a sign-up (expires), and managing or leaving a
// subscription (one link per subscriber, valid until its tokenVersion is bumped or it is erased).
// Tokens are `<payload>.<mac>`, the payload base64url JSON, the MAC an HMAC-SHA256 under the
// site's auth secret with a purpose prefix, so a confirm token is never a manage token.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";
import { absoluteUrl } from "../site-config";

export type LinkPurpose = "confirm" | "manage";

export type LinkClaims = {
  // Subscriber id.
  s: string;
  // The subscriber's tokenVersion when the link was made.
  v: number;
  // Confirm links: the newsletter being confirmed.
  n?: string;
  // Expiry, seconds since the epoch (confirm links only).
  e?: number;
};

export const CONFIRM_LINK_HOURS = 48;

function secret(): string {
  const value = authSecret();
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: newsletter links cannot be signed");
  return value;
}

function mac(purpose: LinkPurpose, payload: string): string {
  return createHmac("sha256", secret()).update(`newsletter-${purpose}:${payload}`).digest("base64url");
}

export function signLinkToken(purpose: LinkPurpose, claims: LinkClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(purpose, payload)}`;
}

// The claims of a token made for `purpose`, or null when it is malformed, forged, made for
// another purpose or expired. The caller still checks `v` against the subscriber's row.
export function readLinkToken(purpose: LinkPurpose, token: string, now = new Date()): LinkClaims | null {
  if (typeof token !== "string" || token.length > 600) return null;
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(purpose, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!claims || typeof claims !== "object") return null;
  const { s, v, n, e } = claims as Record<string, unknown>;
  if (typeof s !== "string" || typeof v !== "number" || (n !== undefined && typeof n !== "string") || (e !== undefined && typeof e !== "number")) return null;
  if (purpose === "confirm" && (typeof e !== "number" || e * 1000 < now.getTime())) return null;
  return { s, v, n: n as string | undefined, e: e as number | undefined };
}

export function confirmLink(subscriber: { id: string; tokenVersion: number }, newsletterId: string, now = new Date()): string {
  const e = Math.floor(now.getTime() / 1000) + CONFIRM_LINK_HOURS * 3600;
  return absoluteUrl(`/newsletter/confirm?token=${signLinkToken("confirm", { s: subscriber.id, v: subscriber.tokenVersion, n: newsletterId, e })}`);
}

// The preferences page (change newsletters, leave all).
export function manageLink(subscriber: { id: string; tokenVersion: number }): string {
  return absoluteUrl(`/newsletter/preferences?token=${signLinkToken("manage", { s: subscriber.id, v: subscriber.tokenVersion })}`);
}

// The unsubscribe page linked from an email's body: GET shows what leaving means and one button
// (link scanners fetch GETs, so a GET never unsubscribes). `newsletterId`: the list the email came from.
export function unsubscribeLink(subscriber: { id: string; tokenVersion: number }, newsletterId: string): string {
  const token = signLinkToken("manage", { s: subscriber.id, v: subscriber.tokenVersion });
  return absoluteUrl(`/newsletter/unsubscribe?token=${token}&list=${encodeURIComponent(newsletterId)}`);
}

// The RFC 8058 List-Unsubscribe target: a POST with body "List-Unsubscribe=One-Click"
// unsubscribes at once, with no page and no cookie.
export function oneClickUnsubscribeUrl(subscriber: { id: string; tokenVersion: number }, newsletterId: string): string {
  const token = signLinkToken("manage", { s: subscriber.id, v: subscriber.tokenVersion });
  return absoluteUrl(`/api/newsletter/unsubscribe?token=${token}&list=${encodeURIComponent(newsletterId)}`);
}
