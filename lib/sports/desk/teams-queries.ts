// Reads for the newsroom's team screens.
import "server-only";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";
import { LIST_PAGE_SIZE, type ListQuery } from "./records-input";

export async function listTeams(actor: Actor | null, query: ListQuery) {
  assertCan(actor, "sports.edit");
  const q = searchInput(query.q, 200).toLowerCase();
  const where = q ? { OR: [{ nameKey: { contains: q } }, { key: { contains: query.q.trim() } }, { country: { contains: q.toUpperCase() } }] } : {};
  const [rows, total] = await Promise.all([
    db.team.findMany({
      where,
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, name: true, slug: true, country: true, key: true, sport: { select: { name: true } }, _count: { select: { participants: true, standings: true } } },
    }),
    db.team.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}
export type TeamRow = Awaited<ReturnType<typeof listTeams>>["rows"][number];

export async function getTeam(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  return db.team.findUnique({ where: { id }, include: { sport: { select: { name: true } }, _count: { select: { participants: true, standings: true, athletes: true } } } });
}

// The teams a form may pick (an athlete's team, a standings row).
export async function listTeamChoices(actor: Actor | null, limit = 1000) {
  assertCan(actor, "sports.edit");
  const rows = await db.team.findMany({ orderBy: [{ nameKey: "asc" }, { id: "asc" }], take: limit, select: { id: true, name: true, country: true, sport: { select: { name: true } } } });
  return rows.map((row) => ({ id: row.id, label: [row.name, row.country, row.sport?.name].filter(Boolean).join(" · ") }));
}

export async function listSportNames(actor: Actor | null): Promise<string[]> {
  assertCan(actor, "sports.edit");
  return (await db.sport.findMany({ orderBy: { nameKey: "asc" }, select: { name: true } })).map((sport) => sport.name);
}
