// A revision's snapshot: everything an editor can change in a story, in the same shape the
// editor saves, so restoring is just saving the snapshot again.
import type { Tx } from "../../db";
import type { ArticleInput } from "../schema";

export type ArticleSnapshot = ArticleInput;

type StoryColumns = Pick<ArticleInput, "kicker" | "headline" | "standfirst" | "slug" | "sectionId" | "agencyLine">;

// The fields a snapshot keeps in the Article row's own columns, by the same names.
export function storyColumns(source: StoryColumns): StoryColumns {
  return { kicker: source.kicker, headline: source.headline, standfirst: source.standfirst, slug: source.slug, sectionId: source.sectionId, agencyLine: source.agencyLine };
}

export async function readSnapshot(tx: Tx, articleId: string): Promise<ArticleSnapshot> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      bylines: { orderBy: { position: "asc" } },
      tags: { orderBy: { position: "asc" }, include: { tag: true } },
      teams: { orderBy: { position: "asc" }, select: { teamId: true } },
      athletes: { orderBy: { position: "asc" }, select: { athleteId: true } },
      sportsEvents: { orderBy: { position: "asc" }, select: { eventId: true } },
      heroCaption: true,
      quotes: true,
      captions: true,
      sidebars: true,
    },
  });
  return {
    ...storyColumns(article),
    tagNames: article.tags.map((t) => t.tag.name),
    bylines: article.bylines.map((b) => ({ profileId: b.profileId, role: b.role })),
    teamIds: article.teams.map((t) => t.teamId),
    athleteIds: article.athletes.map((a) => a.athleteId),
    eventIds: article.sportsEvents.map((e) => e.eventId),
    hero: article.heroMediaId ? { mediaId: article.heroMediaId, caption: article.heroCaption?.text ?? "" } : null,
    body: article.body,
    quotes: article.quotes.map(({ id, text, speaker, speakerDescription, context }) => ({ id, text, speaker, speakerDescription, context })),
    captions: article.captions.filter((c) => c.id !== article.heroCaptionId).map(({ id, mediaId, text }) => ({ id, mediaId, text })),
    sidebars: article.sidebars.map(({ id, heading, body }) => ({ id, heading, body })),
  };
}
