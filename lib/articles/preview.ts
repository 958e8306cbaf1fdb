// Preview links: a signed, expiring address that shows a draft exactly as it will look, to
// someone without an account. Each link is a PreviewLink row made by someone: the editor lists a
// story's links with who made them and can revoke each; unpublishing a story revokes them all.
// The token names the link and its expiry, signed, so a forged one costs no database read.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { idInput } from "../text-input";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { authSecret } from "../auth/secret";
import { recordAudit } from "../audit/record";

const PREVIEW_LIFETIME_MS = 48 * 60 * 60 * 1000;

function secret(): string {
  const value = authSecret();
  if (!value) throw new AppError("INVALID", "Preview links need NEXTAUTH_SECRET to be set (npm start sets one up).");
  return value;
}

function sign(payload: string): string {
  return createHmac("sha256", secret()).update(`preview:${payload}`).digest("base64url");
}

export function makePreviewToken(linkId: string, expiresAt: number): string {
  const payload = `${linkId}.${expiresAt}`;
  return `${payload}.${sign(payload)}`;
}

// The link id a token names, or null when it is forged, malformed or expired.
export function readPreviewToken(token: string, now: number = Date.now()): string | null {
  const parts = String(token).split(".");
  if (parts.length !== 3 || !/^[a-z0-9]{1,40}$/.test(parts[0]) || !/^\d{1,15}$/.test(parts[1])) return null;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(parts[1]) > now ? parts[0] : null;
}

// The story a preview token still grants: the link must exist, be unrevoked and unexpired.
export async function previewedArticleId(token: string, now = new Date()): Promise<string | null> {
  const linkId = readPreviewToken(token, now.getTime());
  if (!linkId) return null;
  const link = await db.previewLink.findUnique({ where: { id: linkId }, select: { articleId: true, revokedAt: true, expiresAt: true } });
  return link && !link.revokedAt && link.expiresAt > now ? link.articleId : null;
}

async function loadStory(actor: Actor | null, articleId: string) {
  const article = await db.article.findUnique({ where: { id: String(articleId).slice(0, 40) }, select: { id: true, createdById: true, status: true } });
  if (!article) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.preview", article);
  return article;
}

export async function createPreviewLink(actor: Actor | null, articleId: string): Promise<{ id: string; path: string; expiresAt: string }> {
  const article = await loadStory(actor, articleId);
  const expiresAt = new Date(Date.now() + PREVIEW_LIFETIME_MS);
  const link = await db.$transaction(async (tx) => {
    const created = await tx.previewLink.create({ data: { articleId: article.id, createdById: actor!.id, expiresAt }, select: { id: true } });
    await recordAudit(tx, { actorId: actor!.id, action: "article.preview-link", entityType: "Article", entityId: article.id, details: { linkId: created.id, expiresAt: expiresAt.toISOString() } });
    return created;
  });
  return { id: link.id, path: `/preview/${makePreviewToken(link.id, expiresAt.getTime())}`, expiresAt: expiresAt.toISOString() };
}

export type PreviewLinkSummary = { id: string; createdBy: string | null; createdAt: string; expiresAt: string };

// The links of a story that still work, newest first.
export async function listPreviewLinks(actor: Actor | null, articleId: string): Promise<PreviewLinkSummary[]> {
  const article = await loadStory(actor, articleId);
  const rows = await db.previewLink.findMany({
    where: { articleId: article.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, createdBy: r.createdBy?.name ?? null, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

const RevokeInput = z.object({ articleId: idInput(), linkId: idInput() });

export async function revokePreviewLink(actor: Actor | null, raw: unknown): Promise<{ revoked: boolean }> {
  const input = RevokeInput.parse(raw);
  const article = await loadStory(actor, input.articleId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.previewLink.updateMany({ where: { id: input.linkId, articleId: article.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", "That preview link does not exist or no longer works.");
    await recordAudit(tx, { actorId: actor!.id, action: "article.preview-link-revoked", entityType: "Article", entityId: article.id, details: { linkId: input.linkId } });
    return { revoked: true };
  });
}

// Unpublishing a story takes its preview links with it.
export async function revokeAllPreviewLinks(tx: Tx, articleId: string): Promise<number> {
  const { count } = await tx.previewLink.updateMany({ where: { articleId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
