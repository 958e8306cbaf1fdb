// A competition's reader page, /competitions/<slug>: its seasons (the latest shown unless
// `?season=` names another), that season's results and fixtures, its latest standings tables, its
// medal table and the public stories about its events. One statement, through the tagged cache.
import "server-only";
import { cached } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { db } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import type { StoryCard } from "../../listings/story-card";
import { column, columns, jsonArray, jsonObject, jsonOne, selectJson } from "../../sql-json";
import { medalTableJsonSql, standingsJsonSql, toMedalTableView, toStandingsView, type MedalTableJson, type StandingsJson } from "../tables";
import type { MedalTableView, StandingsView } from "../blocks/views";
import { eventListSql, RESULT_STATUSES, scalarSql } from "./sql";
import { storiesFields, toStoryList, type StoriesJson } from "./stories";
import { eventTags, type EventSummary, type StoryList } from "./views";

const EVENTS_SHOWN = 50;
const STORIES_SHOWN = 12;

export type SeasonRef = { id: string; name: string };

export type CompetitionPage = {
  competition: { id: string; name: string; slug: string; sport: string | null };
  seasons: SeasonRef[];
  season: SeasonRef | null;
  results: EventSummary[];
  fixtures: EventSummary[];
  standings: StandingsView[];
  medalTable: MedalTableView | null;
  stories: StoryList<StoryCard>;
};

// Latest first: by its latest event, then newest made.
const seasonOrder = Prisma.sql`(SELECT MAX(so."startsAt") FROM "SportsEvent" so WHERE so."competitionSeasonId" = cs."id") IS NULL, (SELECT MAX(so."startsAt") FROM "SportsEvent" so WHERE so."competitionSeasonId" = cs."id") DESC, cs."createdAt" DESC, cs."id"`;

function seasonIdSql(competitionId: Prisma.Sql, season: string | null): Prisma.Sql {
  if (season !== null) return Prisma.sql`(SELECT cs."id" FROM "CompetitionSeason" cs WHERE cs."competitionId" = ${competitionId} AND cs."name" = ${season})`;
  return Prisma.sql`(SELECT cs."id" FROM "CompetitionSeason" cs WHERE cs."competitionId" = ${competitionId} ORDER BY ${seasonOrder} LIMIT 1)`;
}

// The newest table of each name (groups) in the season, each with its rows in order.
function standingsSql(seasonId: Prisma.Sql): Prisma.Sql {
  const latest = Prisma.sql`
    SELECT s."id", ROW_NUMBER() OVER (PARTITION BY COALESCE(s."name", '') ORDER BY (s."asOf" IS NULL), s."asOf" DESC, s."createdAt" DESC) AS "n"
    FROM "Standings" s WHERE s."competitionSeasonId" = ${seasonId}`;
  return jsonArray(standingsJsonSql("s"), Prisma.sql`FROM (${latest}) x JOIN "Standings" s ON s."id" = x."id" WHERE x."n" = 1`, Prisma.sql`COALESCE(s."name", ''), s."id"`);
}

function medalTableSql(seasonId: Prisma.Sql): Prisma.Sql {
  return jsonOne(medalTableJsonSql("mt"), Prisma.sql`FROM "MedalTable" mt WHERE mt."competitionSeasonId" = ${seasonId}`);
}

function competitionPageSql(slug: string, season: string | null): Prisma.Sql {
  const competitionId = Prisma.sql`(SELECT c0."id" FROM "Competition" c0 WHERE c0."slug" = ${slug})`;
  const seasonId = seasonIdSql(competitionId, season);
  const inSeason = Prisma.sql`e."competitionSeasonId" = ${seasonId} AND e."parentId" IS NULL`;
  const about = Prisma.sql`EXISTS (SELECT 1 FROM "ArticleSportsEvent" ase JOIN "SportsEvent" ae ON ae."id" = ase."eventId" WHERE ase."articleId" = a."id" AND ae."competitionSeasonId" = ${seasonId})`;
  return jsonObject({
    competition: jsonOne(
      jsonObject({ ...columns("c", ["id", "name", "slug"]), sport: scalarSql(column("csp", "name"), Prisma.sql`FROM "Sport" csp WHERE csp."id" = c."sportId"`) }),
      Prisma.sql`FROM "Competition" c WHERE c."slug" = ${slug}`,
    ),
    seasons: jsonArray(jsonObject(columns("cs", ["id", "name"])), Prisma.sql`FROM "CompetitionSeason" cs WHERE cs."competitionId" = ${competitionId}`, seasonOrder),
    season: jsonOne(jsonObject(columns("ss", ["id", "name"])), Prisma.sql`FROM "CompetitionSeason" ss WHERE ss."id" = ${seasonId}`),
    results: eventListSql(Prisma.sql`${inSeason} AND e."status" IN ${RESULT_STATUSES}`, "newest", EVENTS_SHOWN),
    fixtures: eventListSql(Prisma.sql`${inSeason} AND (e."status" IS NULL OR e."status" NOT IN ${RESULT_STATUSES})`, "soonest", EVENTS_SHOWN),
    standings: standingsSql(seasonId),
    medalTable: medalTableSql(seasonId),
    stories: jsonObject(storiesFields(about, 1, STORIES_SHOWN)),
  });
}

type CompetitionJson = Omit<CompetitionPage, "competition" | "medalTable" | "standings" | "stories"> & {
  competition: CompetitionPage["competition"] | null;
  standings: StandingsJson[];
  medalTable: MedalTableJson | null;
  stories: StoriesJson;
};

function pageTags(json: CompetitionJson, value: CompetitionPage, storyTags: string[]): string[] {
  return [
    cacheTags.sports,
    ...(value.season ? [cacheTags.competitionSeason(value.season.id)] : []),
    ...eventTags([...value.results, ...value.fixtures]),
    ...value.standings.flatMap((table) => [cacheTags.standings(table.id), ...table.rows.map((row) => cacheTags.team(row.team.id))]),
    ...(json.medalTable ? [cacheTags.medalTable(json.medalTable.id)] : []),
    ...storyTags,
  ];
}

// null: no competition has this slug, or `season` names none of its seasons (null: the latest).
export function getCompetitionPage(slug: string, season: string | null = null): Promise<CompetitionPage | null> {
  return cached(`competition-page:${slug}:${season === null ? "" : `=${season}`}`, async () => {
    const [json] = await selectJson<CompetitionJson>(db, competitionPageSql(slug, season));
    if (!json.competition || (season !== null && !json.season)) return { value: null, tags: [cacheTags.sports, cacheTags.notFound] };
    const stories = toStoryList(json.stories, 1, STORIES_SHOWN);
    const value: CompetitionPage = {
      ...json,
      competition: json.competition,
      standings: json.standings.map(toStandingsView),
      medalTable: json.medalTable && toMedalTableView(json.medalTable),
      stories: stories.list,
    };
    return { value, tags: [...new Set(pageTags(json, value, stories.tags))] };
  });
}
