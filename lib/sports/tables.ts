// Standings and medal tables as readers see them, one definition for every place that shows them
// (a story's blocks, lib/sports/blocks/load.ts; the competition page, lib/sports/pages/): the JSON
// one SQL statement builds for a table row (lib/sql-json.ts), and what it becomes for the page:
// ranks labelled ("=3" for a shared place), medal tables ranked by lib/sports/ranking.ts.
import "server-only";
import { Prisma } from "../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject } from "../sql-json";
import { rankMedalTable } from "./ranking";
import type { MedalTableView, StandingsView } from "./blocks/views";

// The competition and season names of the season id `seasonColumn` holds.
export function seasonNamesSql(seasonColumn: Prisma.Sql): Record<"competition" | "season", Prisma.Sql> {
  return {
    competition: Prisma.sql`(SELECT c."name" FROM "CompetitionSeason" cs JOIN "Competition" c ON c."id" = cs."competitionId" WHERE cs."id" = ${seasonColumn} LIMIT 1)`,
    season: Prisma.sql`(SELECT cs."name" FROM "CompetitionSeason" cs WHERE cs."id" = ${seasonColumn} LIMIT 1)`,
  };
}

// The Standings row `alias` names, with its rows in table order and each row's team.
export function standingsJsonSql(alias: string): Prisma.Sql {
  const row = jsonObject({
    ...columns("sr", ["rank", "played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "points", "form"]),
    team: jsonObject(columns("srt", ["id", "name", "slug", "country"])),
  });
  return jsonObject({
    ...columns(alias, ["id", "name"]),
    asOf: isoTimestamp(column(alias, "asOf")),
    updatedAt: isoTimestamp(column(alias, "updatedAt")),
    ...seasonNamesSql(column(alias, "competitionSeasonId")),
    rows: jsonArray(row, Prisma.sql`FROM "StandingsRow" sr JOIN "Team" srt ON srt."id" = sr."teamId" WHERE sr."standingsId" = ${column(alias, "id")}`, Prisma.sql`sr."position", sr."id"`),
  });
}

// The MedalTable row `alias` names, with its countries.
export function medalTableJsonSql(alias: string): Prisma.Sql {
  return jsonObject({
    ...columns(alias, ["id", "computed"]),
    updatedAt: isoTimestamp(column(alias, "updatedAt")),
    ...seasonNamesSql(column(alias, "competitionSeasonId")),
    rows: jsonArray(
      jsonObject(columns("mtr", ["country", "name", "gold", "silver", "bronze"])),
      Prisma.sql`FROM "MedalTableRow" mtr WHERE mtr."medalTableId" = ${column(alias, "id")}`,
      Prisma.sql`mtr."country"`,
    ),
  });
}

export type StandingsJson = Omit<StandingsView, "rows" | "competition" | "season"> & { competition: string | null; season: string | null; rows: Omit<StandingsView["rows"][number], "rankLabel">[] };
export type MedalTableJson = Omit<MedalTableView, "rows" | "computed" | "competition" | "season"> & {
  competition: string | null;
  season: string | null;
  // SQLite's JSON has no booleans: 0 or 1.
  computed: boolean | number;
  rows: { country: string; name: string; gold: number; silver: number; bronze: number }[];
};

// Places as the data gives them, equal ones shown "=3"; a row without a place gets its position.
export function toStandingsView(json: StandingsJson): StandingsView {
  const ranks = json.rows.map((row) => row.rank);
  const label = (rank: number | null, index: number) => (rank == null ? String(index + 1) : ranks.filter((other) => other === rank).length > 1 ? `=${rank}` : String(rank));
  return { ...json, competition: json.competition ?? "", season: json.season ?? "", rows: json.rows.map((row, index) => ({ ...row, rankLabel: label(row.rank, index) })) };
}

export function toMedalTableView(json: MedalTableJson): MedalTableView {
  const ranked = rankMedalTable(json.rows.map((row) => ({ code: row.country, name: row.name.trim() || row.country, gold: row.gold, silver: row.silver, bronze: row.bronze })));
  return {
    ...json,
    computed: Boolean(json.computed),
    competition: json.competition ?? "",
    season: json.season ?? "",
    rows: ranked.map((row) => ({
      country: row.code,
      name: row.name,
      gold: row.gold,
      silver: row.silver,
      bronze: row.bronze,
      total: row.gold + row.silver + row.bronze,
      rank: row.rank,
      rankLabel: row.rankLabel,
    })),
  };
}
