// Subscriber addresses: one normal form (trimmed, lower-case), one check of what Pressbox will
// send to, and the keyed hash an erased address leaves behind (ErasedSubscriber).
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { authSecret } from "../auth/secret";

// RFC 5321's limits: 64 octets before the @, 254 in all. Only printable ASCII without spaces,
// quotes, angle brackets, commas or semicolons: anything that could end a header or add a
// recipient is refused, not escaped.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function normalizeAddress(value: string): string {
  return value.trim().toLowerCase();
}

export function isSendableAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf("@");
  if (at <= 0 || at !== value.indexOf("@")) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  return DOMAIN.test(domain);
}

// zod field for a form's address: normalised, then checked.
export const subscriberAddress = z
  .string({ error: "Enter your email address." })
  .max(320, { error: "That email address is too long." })
  .transform(normalizeAddress)
  .refine(isSendableAddress, { error: "Enter a valid email address, like name@example.com." });

export function erasedAddressHash(address: string): string {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: erased addresses cannot be hashed");
  return createHmac("sha256", secret)
    .update(`erased-subscriber:${normalizeAddress(address)}`)
    .digest("hex");
}
