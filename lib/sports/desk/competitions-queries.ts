// Reads for the newsroom's competition screens, and the season choices other screens offer.
import "server-only";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";
import { competitionRevision, competitionRules } from "./competitions";
import { LIST_PAGE_SIZE, type ListQuery } from "./records-input";

export async function listCompetitions(actor: Actor | null, query: ListQuery) {
  assertCan(actor, "sports.edit");
  const q = searchInput(query.q, 200).toLowerCase();
  const where = q ? { OR: [{ nameKey: { contains: q } }, { key: { contains: query.q.trim() } }] } : {};
  const [rows, total] = await Promise.all([
    db.competition.findMany({
      where,
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, name: true, slug: true, key: true, sport: { select: { name: true } }, seasons: { orderBy: { name: "desc" }, select: { id: true, name: true } } },
    }),
    db.competition.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}
export type CompetitionRow = Awaited<ReturnType<typeof listCompetitions>>["rows"][number];

export async function getCompetition(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  const competition = await db.competition.findUnique({
    where: { id },
    include: {
      sport: { select: { name: true } },
      seasons: { orderBy: { name: "desc" }, select: { id: true, name: true, medalTable: { select: { id: true } }, _count: { select: { events: true, standings: true } } } },
    },
  });
  return competition && { ...competition, rules: competitionRules(competition.tieBreakers), revision: competitionRevision(competition) };
}
export type CompetitionDetail = NonNullable<Awaited<ReturnType<typeof getCompetition>>>;

// "Bundesliga 2024/25" for every season, newest competitions' seasons by name.
export async function listSeasonChoices(actor: Actor | null, limit = 1000) {
  assertCan(actor, "sports.edit");
  const seasons = await db.competitionSeason.findMany({
    orderBy: [{ competition: { nameKey: "asc" } }, { name: "desc" }],
    take: limit,
    select: { id: true, name: true, competition: { select: { name: true } }, medalTable: { select: { id: true } } },
  });
  return seasons.map((season) => ({ id: season.id, label: `${season.competition.name} ${season.name}`.trim(), hasMedalTable: season.medalTable !== null }));
}
