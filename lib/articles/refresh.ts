// After a write to a published story commits: drop every cached public page that shows it.
import { invalidateForArticle } from "../cache/invalidate";
import type { Tx } from "../db";

// teamIds, athleteIds, eventIds: the story's sports links (team, athlete and match pages list it).
export type PageKeys = { id: string; sectionId: string | null; tagIds: string[]; profileIds: string[]; teamIds: string[]; athleteIds: string[]; eventIds: string[] };

export async function readPageKeys(tx: Tx, articleId: string): Promise<PageKeys> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      id: true,
      sectionId: true,
      tags: { select: { tagId: true } },
      bylines: { select: { profileId: true } },
      teams: { select: { teamId: true } },
      athletes: { select: { athleteId: true } },
      sportsEvents: { select: { eventId: true } },
    },
  });
  return {
    id: article.id,
    sectionId: article.sectionId,
    tagIds: article.tags.map((t) => t.tagId),
    profileIds: article.bylines.map((b) => b.profileId),
    teamIds: article.teams.map((t) => t.teamId),
    athleteIds: article.athletes.map((a) => a.athleteId),
    eventIds: article.sportsEvents.map((e) => e.eventId),
  };
}

// Pass the story as it was before a write and as it is after, so listings it left refresh too.
export function refreshPublicPages(...pages: PageKeys[]): void {
  invalidateForArticle(...pages.map((page) => ({ ...page, bylineProfileIds: page.profileIds })));
}
