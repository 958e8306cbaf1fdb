// "X is editing": each open editor checks in every few seconds; anyone seen in the last minute
// is shown to the others.
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

const PRESENCE_WINDOW_MS = 60_000;

export async function checkIn(actor: Actor | null, articleId: string): Promise<{ others: string[] }> {
  assertCan(actor, "newsroom.enter");
  const article = await db.article.findUnique({ where: { id: String(articleId).slice(0, 40) }, select: { id: true, createdById: true, status: true } });
  if (!article) return { others: [] };
  assertCan(actor, "article.read", article);
  const now = new Date();
  await db.editingSession.upsert({
    where: { articleId_userId: { articleId: article.id, userId: actor.id } },
    update: { lastSeenAt: now },
    create: { articleId: article.id, userId: actor.id, lastSeenAt: now },
  });
  const sessions = await db.editingSession.findMany({
    where: { articleId: article.id, userId: { not: actor.id }, lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    select: { user: { select: { name: true } } },
  });
  return { others: sessions.map((s) => s.user.name) };
}
