// Every id a save names must exist: photos, linked stories, byline profiles, the section, embeds
// and sports records (the body's blocks', and the story's teams, athletes and events).
// One query per kind of record, whatever the number of references.
import { AppError } from "../../errors";
import type { Tx } from "../../db";
import type { BodyReferences } from "../../editor/references";
import type { ArticleInput } from "../schema";

async function missingOf(ids: string[], found: () => Promise<{ id: string }[]>): Promise<string[]> {
  if (ids.length === 0) return [];
  const present = new Set((await found()).map((row) => row.id));
  return ids.filter((id) => !present.has(id));
}

export async function checkReferences(tx: Tx, refs: BodyReferences, article: ArticleInput): Promise<void> {
  const mediaIds = [...new Set([...refs.mediaIds, ...article.captions.map((c) => c.mediaId), ...(article.hero ? [article.hero.mediaId] : [])])];
  const profileIds = article.bylines.map((b) => b.profileId);
  const problems: string[] = [];
  if (new Set(profileIds).size !== profileIds.length) problems.push("a byline appears twice");
  const eventIds = [...new Set([...refs.sportsEventIds, ...article.eventIds])];
  const [media, stories, profiles, section, embeds, events, standings, medalTables, seasons, teams, athletes, newsletters] = await Promise.all([
    missingOf(mediaIds, () => tx.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true } })),
    missingOf(refs.articleIds, () => tx.article.findMany({ where: { id: { in: refs.articleIds } }, select: { id: true } })),
    missingOf(profileIds, () => tx.bylineProfile.findMany({ where: { id: { in: profileIds } }, select: { id: true } })),
    article.sectionId ? missingOf([article.sectionId], () => tx.section.findMany({ where: { id: article.sectionId! }, select: { id: true } })) : [],
    missingOf(refs.embedIds, () => tx.embedSnapshot.findMany({ where: { id: { in: refs.embedIds } }, select: { id: true } })),
    missingOf(eventIds, () => tx.sportsEvent.findMany({ where: { id: { in: eventIds } }, select: { id: true } })),
    missingOf(refs.standingsIds, () => tx.standings.findMany({ where: { id: { in: refs.standingsIds } }, select: { id: true } })),
    missingOf(refs.medalTableIds, () => tx.medalTable.findMany({ where: { id: { in: refs.medalTableIds } }, select: { id: true } })),
    missingOf(refs.competitionSeasonIds, () => tx.competitionSeason.findMany({ where: { id: { in: refs.competitionSeasonIds } }, select: { id: true } })),
    missingOf(article.teamIds, () => tx.team.findMany({ where: { id: { in: article.teamIds } }, select: { id: true } })),
    missingOf(article.athleteIds, () => tx.athlete.findMany({ where: { id: { in: article.athleteIds } }, select: { id: true } })),
    // An archived newsletter is no longer offered: a sign-up block may not name it.
    missingOf(refs.newsletterIds, () => tx.newsletter.findMany({ where: { id: { in: refs.newsletterIds }, isArchived: false }, select: { id: true } })),
  ]);
  if (media.length) problems.push(`photo ${media.join(", ")} does not exist`);
  if (stories.length) problems.push(`related story ${stories.join(", ")} does not exist`);
  if (profiles.length) problems.push(`byline profile ${profiles.join(", ")} does not exist`);
  if (section.length) problems.push("the section does not exist");
  if (embeds.length) problems.push(`embed ${embeds.join(", ")} has no snapshot`);
  if (events.length) problems.push(`sports event ${events.join(", ")} does not exist`);
  if (standings.length) problems.push(`standings table ${standings.join(", ")} does not exist`);
  if (medalTables.length) problems.push(`medal table ${medalTables.join(", ")} does not exist`);
  if (seasons.length) problems.push(`competition season ${seasons.join(", ")} does not exist`);
  if (teams.length) problems.push(`team ${teams.join(", ")} does not exist`);
  if (athletes.length) problems.push(`athlete ${athletes.join(", ")} does not exist`);
  if (newsletters.length) problems.push(`newsletter ${newsletters.join(", ")} does not exist or is archived`);
  if (problems.length) throw new AppError("INVALID", `The story refers to things that are not there: ${problems.join("; ")}.`, { problems });
}

export async function assertSlugFree(tx: Tx, articleId: string, slug: string): Promise<void> {
  const other = await tx.article.findFirst({ where: { slug, id: { not: articleId } }, select: { headline: true } });
  if (other) throw new AppError("CONFLICT", `The address "${slug}" is already used by "${other.headline || "another story"}". Choose another slug.`, { field: "slug" });
}
