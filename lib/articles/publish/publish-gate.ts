// What must be true before a story goes out. Every problem is listed at once, so an editor can
// fix them in one pass: missing headline, standfirst, section or byline; any photo (hero or in
// the body) without alt text or a credit, or whose rights have expired; quotes without words or
// speaker, sidebars without a heading, and related-story teasers without a published story.
// Each problem also names where it is fixed (a field, a photo, or a body block by its record), so
// the editor can take the person there.
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import { formatCredit } from "../../credits/format";
import { BLOCKS } from "../../editor/blocks";
import { readBody } from "../../editor/references";
import type { BodyDoc } from "../../editor/types";
import { PUBLISH_REFUSAL, type ProblemTarget, type PublishProblem, type PublishRefusalDetails } from "./publish-problems";

export type { ProblemTarget, PublishProblem };

// The messages only, as the scheduler and older callers read them.
export async function findPublishProblems(tx: Tx, articleId: string, at: Date = new Date()): Promise<string[]> {
  return (await listPublishProblems(tx, articleId, at)).map((problem) => problem.message);
}

export function publishRefusal(problems: PublishProblem[]): AppError {
  const messages = problems.map((problem) => problem.message);
  const details: PublishRefusalDetails = { problems: messages, publishProblems: problems };
  return new AppError("INVALID", `${PUBLISH_REFUSAL}: ${messages.join(" ")}`, details);
}

const field = (name: Extract<ProblemTarget, { kind: "field" }>["field"], message: string): PublishProblem => ({ message, target: { kind: "field", field: name } });

export async function listPublishProblems(tx: Tx, articleId: string, at: Date = new Date()): Promise<PublishProblem[]> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      headline: true,
      standfirst: true,
      sectionId: true,
      deletedAt: true,
      heroMediaId: true,
      body: true,
      _count: { select: { bylines: true } },
      quotes: { select: { id: true, text: true, speaker: true } },
      sidebars: { select: { id: true, heading: true } },
      relatedLinks: { select: { toArticleId: true, toArticle: { select: { headline: true, status: true } } } },
    },
  });
  const problems: PublishProblem[] = [];
  // Someone with it open when it was deleted could otherwise publish it from the trash.
  if (article.deletedAt) problems.push(field("headline", "The story is in the trash: restore it first."));
  if (!article.headline.trim()) problems.push(field("headline", "The headline is missing."));
  if (!article.standfirst.trim()) problems.push(field("standfirst", "The standfirst is missing."));
  if (!article.sectionId) problems.push(field("sectionId", "Choose a section."));
  if (article._count.bylines === 0) problems.push(field("bylines", "Add at least one byline."));
  const { references: refs, blocks } = readBody(article.body as BodyDoc);
  const mediaIds = [...new Set([...(article.heroMediaId ? [article.heroMediaId] : []), ...refs.mediaIds])];
  const media = await tx.media.findMany({
    where: { id: { in: mediaIds } },
    select: {
      id: true,
      originalName: true,
      altText: true,
      creditOverride: true,
      rightsExpireAt: true,
      photographer: { select: { name: true } },
      agency: { select: { name: true, shortCredit: true, creditFormat: true, distributor: true } },
    },
  });
  // Each block says what it needs; they list their problems in registry order.
  for (const block of BLOCKS) problems.push(...(block.gate?.({ nodes: blocks.filter((node) => node.type === block.name), records: article }) ?? []));
  for (const item of media) {
    const name = `Photo "${item.originalName}"`;
    const photo = (detail: "altText" | "credit" | "rights", message: string): PublishProblem => ({ message, target: { kind: "photo", mediaId: item.id, detail } });
    if (!item.altText.trim()) problems.push(photo("altText", `${name} has no alt text.`));
    if (!formatCredit(item)) problems.push(photo("credit", `${name} has no credit.`));
    if (item.rightsExpireAt && item.rightsExpireAt <= at) problems.push(photo("rights", `${name}: our rights to use it expired on ${item.rightsExpireAt.toISOString().slice(0, 10)}.`));
  }
  return problems;
}
