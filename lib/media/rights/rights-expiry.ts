// Withdraws pictures whose rights have run out. Readers already get a neutral placeholder once
// rightsExpireAt has passed (views.ts isWithdrawn); this job makes it happen on cached pages at
// once, records it (rightsExpiredAt, and an audit entry naming the published stories that showed
// the picture) and so flags those stories to editors. It runs with scheduled publishing
// (lib/scheduler.ts, npm run publish-due). Each picture is its own transaction.
import "server-only";
import { recordAudit } from "../../audit/record";
import { readPageKeys, type PageKeys } from "../../articles/refresh";
import { db } from "../../db";
import { refreshPagesShowing } from "../published-pages";
import { findMediaUsage } from "../usage";

type WithdrawReport = { withdrawn: string[]; articleIds: string[] };

const BATCH = 200;

type Outcome = { pages: PageKeys[]; articleIds: string[] };

async function withdrawOne(mediaId: string, now: Date): Promise<Outcome | null> {
  const outcome = await db.$transaction(async (tx) => {
    // The guarded update claims the picture: a concurrent run, or an editor who renewed the
    // rights meanwhile, makes it match nothing.
    const claimed = await tx.media.updateMany({ where: { id: mediaId, rightsExpiredAt: null, rightsExpireAt: { lte: now } }, data: { rightsExpiredAt: now } });
    if (claimed.count === 0) return null;
    const media = await tx.media.findUniqueOrThrow({ where: { id: mediaId }, select: { originalName: true, rightsExpireAt: true } });
    const published = (await findMediaUsage(tx, mediaId)).stories.filter((story) => story.status === "PUBLISHED");
    await recordAudit(tx, {
      actorId: null,
      action: "media.rights-expired",
      entityType: "Media",
      entityId: mediaId,
      details: { originalName: media.originalName, rightsExpireAt: media.rightsExpireAt?.toISOString() ?? null, withdrawnFrom: published.map((s) => ({ id: s.id, headline: s.headline })) },
    });
    return { pages: await Promise.all(published.map((story) => readPageKeys(tx, story.id))), articleIds: published.map((story) => story.id) };
  });
  if (outcome) refreshPagesShowing(mediaId, outcome.pages);
  return outcome;
}

export async function withdrawExpiredMedia(now: Date = new Date()): Promise<WithdrawReport> {
  const due = await db.media.findMany({
    where: { rightsExpiredAt: null, rightsExpireAt: { lte: now } },
    select: { id: true },
    orderBy: { rightsExpireAt: "asc" },
    take: BATCH,
  });
  const report: WithdrawReport = { withdrawn: [], articleIds: [] };
  for (const { id } of due) {
    const outcome = await withdrawOne(id, now);
    if (!outcome) continue;
    report.withdrawn.push(id);
    report.articleIds.push(...outcome.articleIds.filter((articleId) => !report.articleIds.includes(articleId)));
  }
  return report;
}
