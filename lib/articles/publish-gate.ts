// What must be true before a story goes out. Every problem is listed at once, so an editor can
// fix them in one pass: missing headline, standfirst, section or byline; any photo (hero or in
// the body) without alt text or a credit, or whose rights have expired; quotes without words or
// speaker, sidebars without a heading, and related-story teasers without a published story.
import type { Tx } from "../db";
import { formatCredit } from "../credits/format";
import { collectReferences } from "../editor/references";
import type { BodyDoc, BodyNode } from "../editor/types";

export async function findPublishProblems(tx: Tx, articleId: string, at: Date = new Date()): Promise<string[]> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      headline: true, standfirst: true, sectionId: true, deletedAt: true, heroMediaId: true, body: true, _count: { select: { bylines: true } },
      quotes: { select: { text: true, speaker: true } },
      sidebars: { select: { heading: true } },
      relatedLinks: { select: { toArticle: { select: { headline: true, status: true } } } },
    },
  });
  const problems: string[] = [];
  // Someone with it open when it was deleted could otherwise publish it from the trash.
  if (article.deletedAt) problems.push("The story is in the trash: restore it first.");
  if (!article.headline.trim()) problems.push("The headline is missing.");
  if (!article.standfirst.trim()) problems.push("The standfirst is missing.");
  if (!article.sectionId) problems.push("Choose a section.");
  if (article._count.bylines === 0) problems.push("Add at least one byline.");
  const mediaIds = [...new Set([...(article.heroMediaId ? [article.heroMediaId] : []), ...collectReferences(article.body as unknown as BodyDoc).mediaIds])];
  const media = await tx.media.findMany({
    where: { id: { in: mediaIds } },
    select: { id: true, originalName: true, altText: true, creditOverride: true, rightsExpireAt: true, photographer: { select: { name: true } }, agency: { select: { name: true, shortCredit: true, creditFormat: true, distributor: true } } },
  });
  problems.push(...findBodyRecordProblems(article));
  for (const item of media) {
    const name = `Photo "${item.originalName}"`;
    if (!item.altText.trim()) problems.push(`${name} has no alt text.`);
    if (!formatCredit(item)) problems.push(`${name} has no credit.`);
    if (item.rightsExpireAt && item.rightsExpireAt <= at) problems.push(`${name}: our rights to use it expired on ${item.rightsExpireAt.toISOString().slice(0, 10)}.`);
  }
  return problems;
}

type BodyRecords = {
  body: unknown;
  quotes: { text: string; speaker: string }[];
  sidebars: { heading: string }[];
  relatedLinks: { toArticle: { headline: string; status: string } }[];
};

function findBodyRecordProblems(article: BodyRecords): string[] {
  const problems: string[] = [];
  if (article.quotes.some((q) => !q.text.trim())) problems.push("A pull quote has no words.");
  if (article.quotes.some((q) => !q.speaker.trim())) problems.push("A pull quote has no speaker.");
  if (article.sidebars.some((s) => !s.heading.trim())) problems.push("A sidebar has no heading.");
  const teasers = countNodes(article.body as BodyDoc, "relatedStory");
  if (teasers > article.relatedLinks.length) problems.push("A related-story teaser has no story chosen.");
  for (const link of article.relatedLinks) {
    if (link.toArticle.status !== "PUBLISHED") problems.push(`The related story "${link.toArticle.headline}" is not published.`);
  }
  return problems;
}

function countNodes(node: BodyNode, type: string): number {
  const own = node.type === type ? 1 : 0;
  return own + (node.content ?? []).reduce((sum: number, child) => sum + countNodes(child, type), 0);
}
