// The records a body's sports blocks show, one SQL statement per kind of block whatever the number
// of blocks: the events (score boxes and results tables together), the standings tables, the medal
// tables, and every fixtures list at once. Each comes with the cache tags that refresh the page
// when it changes (lib/sports/freshness.ts drops them).
import "server-only";
import { isPostgres, type Db, type Tx } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, selectJson } from "../../sql-json";
import { cacheTags } from "../../cache/tags";
import type { BodyNode, BodyReferences } from "../../editor/types";
import { rankMedalTable } from "../ranking";
import { fixturesKey, emptySportsRecords, type FixturesView, type MedalTableView, type SportsBlockRecords, type SportsEventView, type StandingsView } from "./views";

type Client = Db | Tx;
type Loaded<T> = { value: T; tags: string[] };

// A scalar from one row of another table, or null.
const lookup = (sql: Prisma.Sql) => Prisma.sql`(${sql} LIMIT 1)`;

const seasonNames = (seasonColumn: Prisma.Sql) => ({
  competition: lookup(Prisma.sql`SELECT c."name" FROM "CompetitionSeason" cs JOIN "Competition" c ON c."id" = cs."competitionId" WHERE cs."id" = ${seasonColumn}`),
  season: lookup(Prisma.sql`SELECT cs."name" FROM "CompetitionSeason" cs WHERE cs."id" = ${seasonColumn}`),
});

// One event as JSON: its own fields, its sport and season, its participants (not line-up players)
// in document order with their period scores.
function eventSql(e: string): Prisma.Sql {
  const periods = jsonArray(jsonObject(columns("ps", ["period", "name", "score", "mark"])), Prisma.sql`FROM "PeriodScore" ps WHERE ps."participantId" = p."id"`, Prisma.sql`ps."position"`);
  const participant = jsonObject({
    ...columns("p", ["id", "side", "score", "mark", "rank", "outcome", "record"]),
    name: Prisma.sql`COALESCE(t."name", a."name", '')`,
    teamSlug: column("t", "slug"),
    athleteSlug: column("a", "slug"),
    country: Prisma.sql`COALESCE(a."country", t."country")`,
    periods,
  });
  return jsonObject({
    ...columns(e, ["id", "name", "stage", "startsAtLocal", "venue", "status", "period", "minute", "attendance"]),
    startsAt: isoTimestamp(column(e, "startsAt")),
    updatedAt: isoTimestamp(column(e, "updatedAt")),
    sport: lookup(Prisma.sql`SELECT s."name" FROM "Sport" s WHERE s."id" = ${column(e, "sportId")}`),
    ...seasonNames(column(e, "competitionSeasonId")),
    participants: jsonArray(
      participant,
      Prisma.sql`FROM "EventParticipant" p LEFT JOIN "Team" t ON t."id" = p."teamId" LEFT JOIN "Athlete" a ON a."id" = p."athleteId" WHERE p."eventId" = ${column(e, "id")} AND p."memberOfId" IS NULL`,
      Prisma.sql`p."position"`,
    ),
  });
}

type EventJson = Omit<SportsEventView, "href" | "participants"> & { participants: (Omit<SportsEventView["participants"][number], "href"> & { teamSlug: string | null; athleteSlug: string | null })[] };

function toEventView(row: EventJson): SportsEventView {
  return {
    ...row,
    href: `/matches/${row.id}`,
    participants: row.participants.map(({ teamSlug, athleteSlug, ...p }) => ({ ...p, href: athleteSlug ? `/athletes/${athleteSlug}` : teamSlug ? `/teams/${teamSlug}` : null })),
  };
}

export async function loadSportsEvents(client: Client, ids: readonly string[]): Promise<Loaded<SportsEventView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const rows = await selectJson<EventJson>(client, eventSql("e"), Prisma.sql`FROM "SportsEvent" e WHERE e."id" IN (${Prisma.join([...ids])})`);
  return { value: rows.map(toEventView), tags: ids.map(cacheTags.sportsEvent) };
}

// Equal ranks shown "=3", as lib/sports/ranking.ts labels them.
function rankLabels(ranks: (number | null)[]): string[] {
  return ranks.map((rank) => (rank == null ? "" : ranks.filter((other) => other === rank).length > 1 ? `=${rank}` : String(rank)));
}

type StandingsJson = Omit<StandingsView, "rows"> & { rows: (Omit<StandingsView["rows"][number], "href" | "rankLabel"> & { slug: string | null })[] };

export async function loadStandings(client: Client, ids: readonly string[]): Promise<Loaded<StandingsView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const row = jsonObject({
    teamId: column("r", "teamId"),
    ...columns("r", ["rank", "played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "points", "form"]),
    name: column("t", "name"),
    slug: column("t", "slug"),
  });
  const value = jsonObject({
    ...columns("st", ["id", "name"]),
    asOf: isoTimestamp(column("st", "asOf")),
    updatedAt: isoTimestamp(column("st", "updatedAt")),
    ...seasonNames(column("st", "competitionSeasonId")),
    rows: jsonArray(row, Prisma.sql`FROM "StandingsRow" r JOIN "Team" t ON t."id" = r."teamId" WHERE r."standingsId" = st."id"`, Prisma.sql`r."position"`),
  });
  const tables = await selectJson<StandingsJson>(client, value, Prisma.sql`FROM "Standings" st WHERE st."id" IN (${Prisma.join([...ids])})`);
  return {
    value: tables.map((table) => {
      const labels = rankLabels(table.rows.map((r) => r.rank));
      return {
        ...table,
        competition: table.competition ?? "",
        season: table.season ?? "",
        rows: table.rows.map(({ slug, ...r }, i) => ({ ...r, href: slug ? `/teams/${slug}` : null, rankLabel: labels[i] || String(i + 1) })),
      };
    }),
    tags: ids.map(cacheTags.standings),
  };
}

type MedalJson = Omit<MedalTableView, "rows"> & { competitionSeasonId: string; rows: { country: string; name: string; gold: number; silver: number; bronze: number }[] };

export async function loadMedalTables(client: Client, ids: readonly string[]): Promise<Loaded<MedalTableView[]>> {
  if (ids.length === 0) return { value: [], tags: [] };
  const value = jsonObject({
    ...columns("mt", ["id", "computed", "competitionSeasonId"]),
    updatedAt: isoTimestamp(column("mt", "updatedAt")),
    ...seasonNames(column("mt", "competitionSeasonId")),
    rows: jsonArray(jsonObject(columns("mr", ["country", "name", "gold", "silver", "bronze"])), Prisma.sql`FROM "MedalTableRow" mr WHERE mr."medalTableId" = mt."id"`, Prisma.sql`mr."country"`),
  });
  const tables = await selectJson<MedalJson>(client, value, Prisma.sql`FROM "MedalTable" mt WHERE mt."id" IN (${Prisma.join([...ids])})`);
  return {
    value: tables.map(({ competitionSeasonId, rows, ...table }) => {
      void competitionSeasonId;
      const ranked = rankMedalTable(rows.map((r) => ({ code: r.country, name: r.name || r.country, gold: r.gold, silver: r.silver, bronze: r.bronze })));
      // SQLite's JSON has no booleans: 0/1.
      return {
        ...table,
        computed: Boolean(table.computed),
        competition: table.competition ?? "",
        season: table.season ?? "",
        rows: ranked.map((r) => ({ country: r.code, name: r.name, gold: r.gold, silver: r.silver, bronze: r.bronze, total: r.gold + r.silver + r.bronze, rank: r.rank, rankLabel: r.rankLabel })),
      };
    }),
    tags: ids.map(cacheTags.medalTable),
  };
}

// Whether event x had started by `now` (or, `started` false, had not). SQLite keeps DateTime as ISO
// text: julianday compares it whatever its offset notation (as lib/articles/embargo/visibility.ts).
function startedBy(now: Date, started: boolean): Prisma.Sql {
  const at = isPostgres() ? Prisma.sql`x."startsAt"` : Prisma.sql`julianday(x."startsAt")`;
  const point = isPostgres() ? Prisma.sql`${now}` : Prisma.sql`julianday(${now.toISOString()})`;
  return started ? Prisma.sql`${at} < ${point}` : Prisma.sql`${at} >= ${point}`;
}

export type FixturesRequest = { seasonId: string; direction: "next" | "last"; count: number };

// Every fixtures list in one statement: one JSON object with a field per list.
export async function loadFixtures(client: Client, requests: readonly FixturesRequest[], now: Date = new Date()): Promise<Loaded<Map<string, FixturesView>>> {
  const unique = [...new Map(requests.map((r) => [fixturesKey(r.seasonId, r.direction, r.count), r])).values()];
  if (unique.length === 0) return { value: new Map(), tags: [] };
  const fields = Object.fromEntries(
    unique.map((r, i) => {
      const upcoming = Prisma.sql`(x."status" IN ('SCHEDULED', 'LIVE') OR (x."status" IS NULL AND ${startedBy(now, false)}))`;
      const played = Prisma.sql`(x."status" = 'FINAL' OR (x."status" IS NULL AND ${startedBy(now, true)}))`;
      const order = r.direction === "next" ? Prisma.sql`x."startsAt" ASC, x."id"` : Prisma.sql`x."startsAt" DESC, x."id"`;
      const chosen = Prisma.sql`SELECT x.* FROM "SportsEvent" x WHERE x."competitionSeasonId" = ${r.seasonId} AND x."parentId" IS NULL AND ${r.direction === "next" ? upcoming : played} ORDER BY ${order} LIMIT ${r.count}`;
      const list = jsonObject({
        ...seasonNames(Prisma.sql`${r.seasonId}`),
        events: jsonArray(eventSql("e"), Prisma.sql`FROM (${chosen}) e`, r.direction === "next" ? Prisma.sql`e."startsAt" ASC, e."id"` : Prisma.sql`e."startsAt" DESC, e."id"`),
      });
      return [`f${i}`, list];
    }),
  );
  const [row] = await selectJson<Record<string, { competition: string | null; season: string | null; events: EventJson[] }>>(client, jsonObject(fields));
  const value = new Map(
    unique.map((r, i) => {
      const list = row[`f${i}`];
      return [fixturesKey(r.seasonId, r.direction, r.count), { competition: list.competition ?? "", season: list.season ?? "", events: list.events.map(toEventView) }] as const;
    }),
  );
  return { value, tags: unique.map((r) => cacheTags.competitionSeason(r.seasonId)) };
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
