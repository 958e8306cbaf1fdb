// A revision's snapshot: everything an editor can change in a story, in the same shape the
// editor saves, so restoring is just saving the snapshot again.
import type { Tx } from "../../db";
import type { ArticleInput } from "../schema";

export type ArticleSnapshot = ArticleInput;

export async function readSnapshot(tx: Tx, articleId: string): Promise<ArticleSnapshot> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      bylines: { orderBy: { position: "asc" } },
      tags: { orderBy: { position: "asc" }, include: { tag: true } },
      heroCaption: true,
      quotes: true,
      captions: true,
      sidebars: true,
    },
  });
  return {
    kicker: article.kicker,
    headline: article.headline,
    standfirst: article.standfirst,
    slug: article.slug,
    sectionId: article.sectionId,
    agencyLine: article.agencyLine,
    tagNames: article.tags.map((t) => t.tag.name),
    bylines: article.bylines.map((b) => ({ profileId: b.profileId, role: b.role })),
    hero: article.heroMediaId ? { mediaId: article.heroMediaId, caption: article.heroCaption?.text ?? "" } : null,
    body: article.body,
    quotes: article.quotes.map(({ id, text, speaker, speakerDescription, context }) => ({ id, text, speaker, speakerDescription, context })),
    captions: article.captions.filter((c) => c.id !== article.heroCaptionId).map(({ id, mediaId, text }) => ({ id, mediaId, text })),
    sidebars: article.sidebars.map(({ id, heading, body }) => ({ id, heading, body })),
  };
}
