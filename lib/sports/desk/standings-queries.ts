// Reads for the newsroom's standings and medal table screens.
import "server-only";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";
import { rankMedalTable } from "../ranking";
import { competitionRules } from "./competitions";
import { LIST_PAGE_SIZE, type ListQuery } from "./records-input";
import { rankLabels } from "./standings";

const seasonSelect = { select: { id: true, name: true, competition: { select: { id: true, name: true, tieBreakers: true } } } } as const;

// Tables whose competition, season or own name holds the search.
function seasonSearch(query: ListQuery) {
  const q = searchInput(query.q, 200).toLowerCase();
  return q ? { OR: [{ competition: { nameKey: { contains: q } } }, { name: { contains: query.q.trim() } }] } : null;
}

export async function listStandings(actor: Actor | null, query: ListQuery) {
  assertCan(actor, "sports.edit");
  const season = seasonSearch(query);
  const where = season ? { OR: [{ competitionSeason: season }, { name: { contains: query.q.trim() } }] } : {};
  const [rows, total] = await Promise.all([
    db.standings.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, name: true, asOf: true, updatedAt: true, competitionSeason: seasonSelect, _count: { select: { rows: true } } },
    }),
    db.standings.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}
export type StandingsListRow = Awaited<ReturnType<typeof listStandings>>["rows"][number];

export async function getStandings(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  const table = await db.standings.findUnique({ where: { id }, include: { competitionSeason: seasonSelect, rows: { orderBy: { position: "asc" }, include: { team: { select: { id: true, name: true } } } } } });
  if (!table) return null;
  const labels = rankLabels(table.rows.map((row) => row.rank));
  return { ...table, rules: competitionRules(table.competitionSeason.competition.tieBreakers), rows: table.rows.map((row, index) => ({ ...row, rankLabel: labels[index] })) };
}
export type StandingsDetail = NonNullable<Awaited<ReturnType<typeof getStandings>>>;

export async function listMedalTables(actor: Actor | null, query: ListQuery) {
  assertCan(actor, "sports.edit");
  const season = seasonSearch(query);
  const where = season ? { competitionSeason: season } : {};
  const [rows, total] = await Promise.all([
    db.medalTable.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, computed: true, updatedAt: true, competitionSeason: seasonSelect, _count: { select: { rows: true } } },
    }),
    db.medalTable.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}
export type MedalTableListRow = Awaited<ReturnType<typeof listMedalTables>>["rows"][number];

export async function getMedalTable(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  const table = await db.medalTable.findUnique({ where: { id }, include: { competitionSeason: seasonSelect, rows: { orderBy: { country: "asc" } } } });
  if (!table) return null;
  const ranked = rankMedalTable(table.rows.map((row) => ({ code: row.country, name: row.name, gold: row.gold, silver: row.silver, bronze: row.bronze })));
  const medalEvents = await db.sportsEvent.count({ where: { competitionSeasonId: table.competitionSeasonId, medalEvent: true } });
  return { ...table, ranked, medalEvents };
}
export type MedalTableDetail = NonNullable<Awaited<ReturnType<typeof getMedalTable>>>;
