// Device cookies (OWASP's defence against account lockout): a browser that signed in to an account
// successfully gets a signed cookie naming it. Failed sign-ins are throttled per account separately
// for each such browser and for all unknown ones together, so someone guessing a known account's
// password from elsewhere locks out only unknown browsers, never the owner's.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret } from "./secret";

const DEVICE_COOKIE = "pressbox-device";
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function sign(value: string): string {
  return createHmac("sha256", authSecret() ?? "")
    .update(value)
    .digest("base64url");
}

// Ties a cookie to one account without putting the address in the cookie.
function accountTag(email: string): string {
  return sign(`device-account:${email.trim().toLowerCase()}`).slice(0, 22);
}

export function deviceCookieValue(deviceId: string, email: string): string {
  const body = `${deviceId}.${accountTag(email)}`;
  return `${body}.${sign(body)}`;
}

// The device id in `value` if it is a genuine cookie for this account, else null.
export function deviceIdFromCookie(value: string | undefined, email: string): string | null {
  if (!value || !authSecret()) return null;
  const [id, tag, signature] = value.split(".");
  if (!id || !tag || !signature || !/^[a-z0-9]{16,40}$/.test(id)) return null;
  const expected = Buffer.from(sign(`${id}.${tag}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return tag === accountTag(email) ? id : null;
}

export async function deviceIdForRequest(email: string): Promise<string | null> {
  try {
    return deviceIdFromCookie((await cookies()).get(DEVICE_COOKIE)?.value, email);
  } catch {
    return null; // outside a request (scripts, tests calling lib directly)
  }
}

// After a successful sign-in: (re)issue this browser's device cookie for the account.
export async function rememberDevice(email: string, deviceId: string | null): Promise<void> {
  const id = deviceId ?? randomBytes(12).toString("hex");
  const isSecure = (process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "").startsWith("https://");
  try {
    (await cookies()).set(DEVICE_COOKIE, deviceCookieValue(id, email), { httpOnly: true, sameSite: "lax", secure: isSecure, path: "/", maxAge: MAX_AGE_SECONDS });
  } catch (error) {
    console.warn("[pressbox] could not set the device cookie", error instanceof Error ? error.message : error);
  }
}
