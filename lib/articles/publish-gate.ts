// What must be true before a story goes out. Every problem is listed at once, so an editor can
// fix them in one pass: missing headline, standfirst, section or byline, and any photo (hero or
// in the body) without alt text or a credit, or whose rights have expired.
import type { Tx } from "../db";
import { formatCredit } from "../credits/format";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";

export async function findPublishProblems(tx: Tx, articleId: string, at: Date = new Date()): Promise<string[]> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { headline: true, standfirst: true, sectionId: true, heroMediaId: true, body: true, _count: { select: { bylines: true } } },
  });
  const problems: string[] = [];
  if (!article.headline.trim()) problems.push("The headline is missing.");
  if (!article.standfirst.trim()) problems.push("The standfirst is missing.");
  if (!article.sectionId) problems.push("Choose a section.");
  if (article._count.bylines === 0) problems.push("Add at least one byline.");
  const mediaIds = [...new Set([...(article.heroMediaId ? [article.heroMediaId] : []), ...collectReferences(article.body as unknown as BodyDoc).mediaIds])];
  const media = await tx.media.findMany({
    where: { id: { in: mediaIds } },
    select: { id: true, originalName: true, altText: true, creditOverride: true, rightsExpireAt: true, photographer: { select: { name: true } }, agency: { select: { name: true, shortCredit: true, creditFormat: true, distributor: true } } },
  });
  for (const item of media) {
    const name = `Photo "${item.originalName}"`;
    if (!item.altText.trim()) problems.push(`${name} has no alt text.`);
    if (!formatCredit(item)) problems.push(`${name} has no credit.`);
    if (item.rightsExpireAt && item.rightsExpireAt <= at) problems.push(`${name}: our rights to use it expired on ${item.rightsExpireAt.toISOString().slice(0, 10)}.`);
  }
  return problems;
}
