// "Suggested related stories" in the editor: the published stories that share most with the
// story being edited (its events, athletes, teams and tags as the editor has them now, saved or
// not), scored by SHARED_WEIGHTS (related-suggestions-reasons.ts), newest first among equal scores.
// Never this story, a draft, or one still under embargo. Two statements: the story (for the
// permission check) and one that counts, scores and orders every candidate in SQL.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { Prisma } from "../generated/sqlite/client";
import { isoTimestamp } from "../sql-json";
import { idInput, textInput } from "../text-input";
import { RECORD_ID } from "../editor/record-id";
import { publicArticleSql } from "./embargo/visibility";
import { slugify } from "./slugify";
import { SHARED_WEIGHTS, describeShared, scoreOf, type SharedCounts } from "./related-suggestions-reasons";

export const SUGGESTION_LIMIT = 10;

const ids = z.array(z.string().regex(RECORD_ID, "is not a valid id")).max(20, "at most 20");
// What the editor has now. Tags come as ids or as the names the editor shows (a tag typed but not
// saved yet simply matches nothing).
const DraftLinks = z.object({
  tagIds: ids.default([]),
  tagNames: z.array(textInput().max(60, "must be at most 60 characters")).max(20, "at most 20").default([]),
  teamIds: ids.default([]),
  athleteIds: ids.default([]),
  eventIds: ids.default([]),
});
export type DraftLinks = z.input<typeof DraftLinks>;

export type RelatedSuggestion = { id: string; headline: string; kicker: string; publishedAt: string; score: number; shared: SharedCounts; reasons: string };

type Row = { id: string; headline: string; kicker: string; publishedAt: string } & SharedCounts;

// One row per shared link of each candidate story: (story, kind).
function matchesSql(draft: z.infer<typeof DraftLinks>): Prisma.Sql[] {
  const tagSlugs = [...new Set(draft.tagNames.map(slugify).filter(Boolean))];
  const tagMatch = [...(draft.tagIds.length ? [Prisma.sql`mt."id" IN (${Prisma.join(draft.tagIds)})`] : []), ...(tagSlugs.length ? [Prisma.sql`mt."slug" IN (${Prisma.join(tagSlugs)})`] : [])];
  return [
    ...(draft.eventIds.length ? [Prisma.sql`SELECT "articleId", 'events' AS "kind" FROM "ArticleSportsEvent" WHERE "eventId" IN (${Prisma.join(draft.eventIds)})`] : []),
    ...(draft.athleteIds.length ? [Prisma.sql`SELECT "articleId", 'athletes' AS "kind" FROM "ArticleAthlete" WHERE "athleteId" IN (${Prisma.join(draft.athleteIds)})`] : []),
    ...(draft.teamIds.length ? [Prisma.sql`SELECT "articleId", 'teams' AS "kind" FROM "ArticleTeam" WHERE "teamId" IN (${Prisma.join(draft.teamIds)})`] : []),
    ...(tagMatch.length ? [Prisma.sql`SELECT ma."articleId", 'tags' AS "kind" FROM "ArticleTag" ma JOIN "Tag" mt ON mt."id" = ma."tagId" WHERE ${Prisma.join(tagMatch, " OR ")}`] : []),
  ];
}

const count = (kind: keyof SharedCounts) => Prisma.sql`CAST(SUM(CASE WHEN m."kind" = ${kind} THEN 1 ELSE 0 END) AS INTEGER)`;

async function selectSuggestions(articleId: string, matches: Prisma.Sql[]): Promise<Row[]> {
  const kinds = Object.keys(SHARED_WEIGHTS) as (keyof SharedCounts)[];
  const score = Prisma.join(
    kinds.map((kind) => Prisma.sql`${Prisma.raw(String(SHARED_WEIGHTS[kind]))} * ${count(kind)}`),
    " + ",
  );
  return db.$queryRaw<Row[]>`
    SELECT a."id", a."headline", a."kicker", ${isoTimestamp(Prisma.sql`a."publishedAt"`)} AS "publishedAt",
      ${count("events")} AS "events", ${count("athletes")} AS "athletes", ${count("teams")} AS "teams", ${count("tags")} AS "tags"
    FROM (${Prisma.join(matches, " UNION ALL ")}) m JOIN "Article" a ON a."id" = m."articleId"
    WHERE a."id" <> ${articleId} AND a."deletedAt" IS NULL AND ${publicArticleSql("a")}
    GROUP BY a."id", a."headline", a."kicker", a."publishedAt"
    ORDER BY ${score} DESC, a."publishedAt" DESC, a."id" ASC
    LIMIT ${Prisma.raw(String(SUGGESTION_LIMIT))}`;
}

export async function suggestRelated(actor: Actor | null, articleId: unknown, draft: unknown): Promise<RelatedSuggestion[]> {
  const id = idInput().parse(articleId);
  const story = await db.article.findUnique({ where: { id }, select: { id: true, createdById: true, status: true } });
  if (!story) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", story);
  const links = DraftLinks.parse(draft);
  const matches = matchesSql(links);
  if (matches.length === 0) return [];
  const rows = await selectSuggestions(story.id, matches);
  return rows.map(({ events, athletes, teams, tags, ...row }) => {
    const shared = { events: Number(events), athletes: Number(athletes), teams: Number(teams), tags: Number(tags) };
    return { ...row, score: scoreOf(shared), shared, reasons: describeShared(shared) };
  });
}
