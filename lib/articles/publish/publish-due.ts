// Publishes scheduled stories whose time has come. Runs inside `npm start` (instrumentation.ts)
// and once from `npm run publish-due` for cron. Each story is its own transaction; one that no
// longer passes the publish checks goes back to review, with the reasons in the audit log.
import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit/record";
import { findPublishProblems } from "./publish-gate";
import { keepRevision } from "../history/revisions";
import { readSnapshot } from "../history/snapshot";
import { readPageKeys, refreshPublicPages } from "../refresh";
import { reindexArticle } from "../../search/index-article";
import { isDue } from "./due";

type PublishDueReport = { published: string[]; sentBack: { id: string; problems: string[] }[] };

async function publishOne(articleId: string, now: Date): Promise<{ published: boolean; problems: string[] }> {
  const outcome = await db.$transaction(async (tx) => {
    const problems = await findPublishProblems(tx, articleId, now);
    const next = problems.length ? { status: "IN_REVIEW" as const } : { status: "PUBLISHED" as const, publishedAt: now };
    // The guarded UPDATE claims the story: a concurrent run, or an editor who moved it meanwhile,
    // makes it match nothing, so a story is published once.
    const claimed = await tx.article.updateMany({ where: { id: articleId, ...isDue(now) }, data: { ...next, publishAt: null, version: { increment: 1 } } });
    if (claimed.count === 0) return null;
    await reindexArticle(tx, articleId);
    if (problems.length) {
      await recordAudit(tx, { actorId: null, action: "article.schedule-failed", entityType: "Article", entityId: articleId, details: { problems } });
      return { published: false, problems, keys: null };
    }
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, firstPublishedAt: true } });
    if (!article.firstPublishedAt) await tx.article.update({ where: { id: articleId }, data: { firstPublishedAt: now } });
    await keepRevision(tx, { articleId, articleVersion: article.version, authorId: null, kind: "PUBLISH", snapshot: await readSnapshot(tx, articleId) });
    await recordAudit(tx, { actorId: null, action: "article.publish", entityType: "Article", entityId: articleId, details: { scheduled: true } });
    return { published: true, problems: [], keys: await readPageKeys(tx, articleId) };
  });
  if (outcome?.keys) refreshPublicPages(outcome.keys);
  return outcome ?? { published: false, problems: [] };
}

export async function publishDueArticles(now: Date = new Date()): Promise<PublishDueReport> {
  const due = await db.article.findMany({ where: isDue(now), select: { id: true }, orderBy: { publishAt: "asc" }, take: 200 });
  const report: PublishDueReport = { published: [], sentBack: [] };
  for (const { id } of due) {
    const { published, problems } = await publishOne(id, now);
    if (published) report.published.push(id);
    else if (problems.length) report.sentBack.push({ id, problems });
  }
  return report;
}
