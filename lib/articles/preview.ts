// Preview links: a signed, expiring address that shows a draft exactly as it will look, to
// someone without an account. The signature covers the story id and the expiry time.
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { authSecret } from "../auth/secret";

const PREVIEW_LIFETIME_MS = 48 * 60 * 60 * 1000;

function secret(): string {
  const value = authSecret();
  if (!value) throw new AppError("INVALID", "Preview links need NEXTAUTH_SECRET to be set (npm start sets one up).");
  return value;
}

function sign(payload: string): string {
  return createHmac("sha256", secret()).update(`preview:${payload}`).digest("base64url");
}

export function makePreviewToken(articleId: string, expiresAt: number): string {
  const payload = `${articleId}.${expiresAt}`;
  return `${payload}.${sign(payload)}`;
}

// The story id a token grants, or null when it is forged, malformed or expired.
export function readPreviewToken(token: string, now: number = Date.now()): string | null {
  const parts = String(token).split(".");
  if (parts.length !== 3 || !/^[a-z0-9]{1,40}$/.test(parts[0]) || !/^\d{1,15}$/.test(parts[1])) return null;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(parts[1]) > now ? parts[0] : null;
}

export async function createPreviewLink(actor: Actor | null, articleId: string): Promise<{ path: string; expiresAt: string }> {
  const article = await db.article.findUnique({ where: { id: String(articleId).slice(0, 40) }, select: { id: true, createdById: true, status: true } });
  if (!article) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.preview", article);
  const expiresAt = Date.now() + PREVIEW_LIFETIME_MS;
  return { path: `/preview/${makePreviewToken(article.id, expiresAt)}`, expiresAt: new Date(expiresAt).toISOString() };
}
