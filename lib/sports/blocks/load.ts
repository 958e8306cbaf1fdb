// The records a body's sports blocks show, one SQL statement per kind of block whatever the number
// of blocks: the events (score boxes and results tables together), the standings tables, the medal
// tables, and every fixtures list at once. Each comes with the cache tags that refresh the page
// when it changes (lib/sports/freshness.ts drops them).
import "server-only";
import type { Db, Tx } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject, selectJson } from "../../sql-json";
import { cacheTags } from "../../cache/tags";
import type { BodyNode, BodyReferences } from "../../editor/types";
import { eventListSql, eventSummarySql, RESULT_STATUSES } from "../pages/sql";
import { eventTags, type EventSummary } from "../pages/views";
import { medalTableJsonSql, seasonNamesSql, standingsJsonSql, toMedalTableView, toStandingsView, type MedalTableJson, type StandingsJson } from "../tables";
import { fixturesKey, emptySportsRecords, type FixturesView, type MedalTableView, type SportsBlockRecords, type SportsEventView, type StandingsView } from "./views";

type Client = Db | Tx;
type Loaded<T> = { value: T; tags: string[] };

const periodsSql = jsonArray(jsonObject(columns("ps", ["period", "name", "score", "mark"])), Prisma.sql`FROM "PeriodScore" ps WHERE ps."participantId" = ep."id"`, Prisma.sql`ps."position"`);

// An event as a score box or results table shows it: the reader pages' summary, with attendance,
// when it last changed ("as of" while it is live) and each side's period scores.
const scoredEventSql = (alias: string) => eventSummarySql(alias, { attendance: column(alias, "attendance"), updatedAt: isoTimestamp(column(alias, "updatedAt")) }, { periods: periodsSql });

export async function loadSportsEvents(client: Client, ids: readonly string[]): Promise<Loaded<SportsEventView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const events = await selectJson<SportsEventView>(client, scoredEventSql("e"), Prisma.sql`FROM "SportsEvent" e WHERE e."id" IN (${Prisma.join([...ids])})`);
  return { value: events, tags: eventTags(events) };
}

export async function loadStandings(client: Client, ids: readonly string[]): Promise<Loaded<StandingsView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const tables = await selectJson<StandingsJson>(client, standingsJsonSql("st"), Prisma.sql`FROM "Standings" st WHERE st."id" IN (${Prisma.join([...ids])})`);
  return { value: tables.map(toStandingsView), tags: ids.map(cacheTags.standings) };
}

export async function loadMedalTables(client: Client, ids: readonly string[]): Promise<Loaded<MedalTableView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const tables = await selectJson<MedalTableJson>(client, medalTableJsonSql("mt"), Prisma.sql`FROM "MedalTable" mt WHERE mt."id" IN (${Prisma.join([...ids])})`);
  return { value: tables.map(toMedalTableView), tags: ids.map(cacheTags.medalTable) };
}

export type FixturesRequest = { seasonId: string; direction: "next" | "last"; count: number };

// Every fixtures list in one statement: one JSON object with a field per list. "next": the soonest
// events not yet played; "last": the newest played or under way (lib/sports/pages/sql.ts).
export async function loadFixtures(client: Client, requests: readonly FixturesRequest[]): Promise<Loaded<Map<string, FixturesView>>> {
  const unique = [...new Map(requests.map((r) => [fixturesKey(r.seasonId, r.direction, r.count), r])).values()];
  if (unique.length === 0) return { value: new Map(), tags: [] };
  const fields = Object.fromEntries(
    unique.map((r, i) => {
      const inSeason = Prisma.sql`e."competitionSeasonId" = ${r.seasonId} AND e."parentId" IS NULL`;
      const events =
        r.direction === "next"
          ? eventListSql(Prisma.sql`${inSeason} AND (e."status" IS NULL OR e."status" NOT IN ${RESULT_STATUSES})`, "soonest", r.count)
          : eventListSql(Prisma.sql`${inSeason} AND e."status" IN ${RESULT_STATUSES}`, "newest", r.count);
      return [`f${i}`, jsonObject({ ...seasonNamesSql(Prisma.sql`${r.seasonId}`), events })];
    }),
  );
  const [row] = await selectJson<Record<string, { competition: string | null; season: string | null; events: EventSummary[] }>>(client, jsonObject(fields));
  const value = new Map(
    unique.map((r, i) => [fixturesKey(r.seasonId, r.direction, r.count), { competition: row[`f${i}`].competition ?? "", season: row[`f${i}`].season ?? "", events: row[`f${i}`].events }] as const),
  );
  return { value, tags: [...unique.map((r) => cacheTags.competitionSeason(r.seasonId)), ...eventTags([...value.values()].flatMap((list) => list.events))] };
}

// The fixtures lists a body's blocks ask for.
export function fixturesRequestsOf(blocks: readonly BodyNode[]): FixturesRequest[] {
  return blocks.flatMap((node) => {
    const attrs = node.attrs ?? {};
    if (node.type !== "fixturesList" || typeof attrs.competitionSeasonId !== "string") return [];
    return [{ seasonId: attrs.competitionSeasonId, direction: attrs.direction === "last" ? "last" : "next", count: typeof attrs.count === "number" ? attrs.count : 5 }];
  });
}

type SportsRefs = Pick<BodyReferences, "sportsEventIds" | "standingsIds" | "medalTableIds">;

// All four kinds, sent together; nothing at all for a body without sports blocks.
export async function loadSportsBlockRecords(
  client: Client,
  refs: SportsRefs,
  fixtures: readonly FixturesRequest[],
  storyTeamIds: readonly string[] = [],
): Promise<{ records: SportsBlockRecords; tags: string[] }> {
  if (!refs.sportsEventIds.length && !refs.standingsIds.length && !refs.medalTableIds.length && !fixtures.length) return { records: { ...emptySportsRecords(), storyTeamIds: new Set(storyTeamIds) }, tags: [] };
  const [events, standings, medals, lists] = await Promise.all([
    loadSportsEvents(client, refs.sportsEventIds),
    loadStandings(client, refs.standingsIds),
    loadMedalTables(client, refs.medalTableIds),
    loadFixtures(client, fixtures),
  ]);
  return {
    records: {
      events: new Map(events.value.map((e) => [e.id, e])),
      standings: new Map(standings.value.map((s) => [s.id, s])),
      medalTables: new Map(medals.value.map((m) => [m.id, m])),
      fixtures: lists.value,
      storyTeamIds: new Set(storyTeamIds),
    },
    tags: [...events.tags, ...standings.tags, ...medals.tags, ...lists.tags],
  };
}
