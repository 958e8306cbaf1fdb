// A team's reader page, /teams/<slug>: the team, its recent results and next fixtures, its row
// in the latest standings of each season it plays in, its athletes and the public stories tagged
// with it, a page at a time. One statement, read through the tagged cache.
import "server-only";
import type { StandingsNumbers } from "../blocks/views";
import { cached } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { db } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { PAGE_SIZE } from "../../listings/pagination";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, selectJson } from "../../sql-json";
import { atOrAfterSql, eventListSql, RESULT_STATUSES, scalarSql } from "./sql";
import { storiesFields, toStoryList, type StoriesJson } from "./stories";
import { eventTags, type EventSummary, type PersonRef, type StoryList } from "./views";
import type { StoryCard } from "../../listings/story-card";

const EVENTS_SHOWN = 10;
const TABLES_SHOWN = 6;
const ATHLETES_SHOWN = 200;
// A fixture stays "next" until this long after its start (a match never marked final).
const FIXTURE_GRACE_MS = 12 * 60 * 60 * 1000;

export type StandingsRowView = StandingsNumbers;

export type TeamStandingsView = {
  id: string;
  name: string | null;
  asOf: string | null;
  teams: number;
  competition: { name: string; slug: string | null; season: string };
  row: StandingsRowView;
};

export type TeamPage = {
  team: { id: string; name: string; slug: string; country: string | null; sport: string | null };
  results: EventSummary[];
  fixtures: EventSummary[];
  standings: TeamStandingsView[];
  athletes: PersonRef[];
  stories: StoryList<StoryCard>;
};

const STANDINGS_COLUMNS = ["rank", "played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "points", "form"] as const;

// The latest table of each season (and of each named table in it: groups) the team has a row in.
function standingsSql(teamId: Prisma.Sql): Prisma.Sql {
  const latest = Prisma.sql`
    SELECT s."id", s."asOf", s."createdAt", ROW_NUMBER() OVER (PARTITION BY s."competitionSeasonId", COALESCE(s."name", '') ORDER BY (s."asOf" IS NULL), s."asOf" DESC, s."createdAt" DESC) AS "n"
    FROM "Standings" s WHERE s."competitionSeasonId" IN (SELECT s1."competitionSeasonId" FROM "StandingsRow" r1 JOIN "Standings" s1 ON s1."id" = r1."standingsId" WHERE r1."teamId" = ${teamId})`;
  const picked = Prisma.sql`
    SELECT x."id", ROW_NUMBER() OVER (ORDER BY (x."asOf" IS NULL), x."asOf" DESC, x."createdAt" DESC) AS "place" FROM (${latest}) x
    WHERE x."n" = 1 AND EXISTS (SELECT 1 FROM "StandingsRow" r2 WHERE r2."standingsId" = x."id" AND r2."teamId" = ${teamId}) LIMIT ${Prisma.raw(String(TABLES_SHOWN))}`;
  const element = jsonObject({
    ...columns("s", ["id", "name"]),
    asOf: isoTimestamp(column("s", "asOf")),
    teams: Prisma.sql`(SELECT COUNT(*) FROM "StandingsRow" rc WHERE rc."standingsId" = s."id")`,
    competition: jsonObject({ ...columns("c", ["name", "slug"]), season: column("cs", "name") }),
    row: jsonOne(jsonObject(columns("r", STANDINGS_COLUMNS)), Prisma.sql`FROM "StandingsRow" r WHERE r."standingsId" = s."id" AND r."teamId" = ${teamId}`),
  });
  const from = Prisma.sql`FROM (${picked}) p JOIN "Standings" s ON s."id" = p."id" JOIN "CompetitionSeason" cs ON cs."id" = s."competitionSeasonId" JOIN "Competition" c ON c."id" = cs."competitionId"`;
  return jsonArray(element, from, Prisma.sql`p."place"`);
}

function athletesSql(teamId: Prisma.Sql): Prisma.Sql {
  const picked = Prisma.sql`SELECT ta."id", ta."name" FROM "Athlete" ta WHERE ta."teamId" = ${teamId} ORDER BY ta."name", ta."id" LIMIT ${Prisma.raw(String(ATHLETES_SHOWN))}`;
  return jsonArray(jsonObject(columns("a", ["id", "name", "slug", "country"])), Prisma.sql`FROM (${picked}) x JOIN "Athlete" a ON a."id" = x."id"`, Prisma.sql`a."name", a."id"`);
}

function teamPageSql(slug: string, page: number, now: Date): Prisma.Sql {
  const teamId = Prisma.sql`(SELECT t0."id" FROM "Team" t0 WHERE t0."slug" = ${slug})`;
  const plays = Prisma.sql`EXISTS (SELECT 1 FROM "EventParticipant" tp WHERE tp."eventId" = e."id" AND tp."memberOfId" IS NULL AND tp."teamId" = ${teamId})`;
  const upcoming = Prisma.sql`(e."status" IS NULL OR e."status" IN ('SCHEDULED', 'POSTPONED')) AND (e."startsAt" IS NULL OR ${atOrAfterSql(Prisma.sql`e."startsAt"`, new Date(now.getTime() - FIXTURE_GRACE_MS))})`;
  const tagged = Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTeam" art WHERE art."articleId" = a."id" AND art."teamId" = ${teamId})`;
  return jsonObject({
    team: jsonOne(
      jsonObject({ ...columns("t", ["id", "name", "slug", "country"]), sport: scalarSql(column("tsp", "name"), Prisma.sql`FROM "Sport" tsp WHERE tsp."id" = t."sportId"`) }),
      Prisma.sql`FROM "Team" t WHERE t."slug" = ${slug}`,
    ),
    results: eventListSql(Prisma.sql`${plays} AND e."status" IN ${RESULT_STATUSES}`, "newest", EVENTS_SHOWN),
    fixtures: eventListSql(Prisma.sql`${plays} AND ${upcoming}`, "soonest", EVENTS_SHOWN),
    standings: standingsSql(teamId),
    athletes: athletesSql(teamId),
    stories: jsonObject(storiesFields(tagged, page, PAGE_SIZE)),
  });
}

type TeamPageJson = Omit<TeamPage, "stories" | "team"> & { stories: StoriesJson; team: TeamPage["team"] | null };

// null: no team has this slug. `page` is the page of stories (from 1); past the last one the
// list is empty and the route answers 404.
export function getTeamPage(slug: string, page = 1): Promise<TeamPage | null> {
  return cached(`team-page:${slug}:${page}`, async () => {
    const [json] = await selectJson<TeamPageJson>(db, teamPageSql(slug, page, new Date()));
    // Misses are cached too; any sports write (a new team) drops them.
    if (!json.team) return { value: null, tags: [cacheTags.sports, cacheTags.notFound] };
    const stories = toStoryList(json.stories, page, PAGE_SIZE);
    const events = [...json.results, ...json.fixtures];
    const tags = [
      cacheTags.sports,
      cacheTags.team(json.team.id),
      ...eventTags(events),
      ...json.standings.map((table) => cacheTags.standings(table.id)),
      ...json.athletes.map((athlete) => cacheTags.athlete(athlete.id)),
      ...stories.tags,
    ];
    const value: TeamPage = {
      team: json.team,
      results: json.results,
      fixtures: json.fixtures,
      standings: json.standings.map((table) => ({ ...table, teams: Number(table.teams) })),
      athletes: json.athletes,
      stories: stories.list,
    };
    return { value, tags: [...new Set(tags)] };
  });
}
