// Reads for the newsroom's athlete screens.
import "server-only";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";
import { LIST_PAGE_SIZE, type ListQuery } from "./records-input";

export async function listAthletes(actor: Actor | null, query: ListQuery) {
  assertCan(actor, "sports.edit");
  const q = searchInput(query.q, 200).toLowerCase();
  const where = q ? { OR: [{ nameKey: { contains: q } }, { key: { contains: query.q.trim() } }, { country: { contains: q.toUpperCase() } }] } : {};
  const [rows, total] = await Promise.all([
    db.athlete.findMany({
      where,
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, name: true, slug: true, country: true, key: true, sport: { select: { name: true } }, team: { select: { id: true, name: true } }, _count: { select: { participants: true } } },
    }),
    db.athlete.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}
export type AthleteRow = Awaited<ReturnType<typeof listAthletes>>["rows"][number];

export async function getAthlete(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  return db.athlete.findUnique({
    where: { id },
    include: { sport: { select: { name: true } }, team: { select: { id: true, name: true } }, photo: { select: { id: true, altText: true, originalName: true } }, _count: { select: { participants: true } } },
  });
}

// Pictures an athlete's photo may be chosen from: the newest of the media library, as the byline
// screen offers them.
export async function listAthletePhotoChoices(actor: Actor | null, limit = 200) {
  assertCan(actor, "sports.edit");
  const rows = await db.media.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, altText: true, originalName: true } });
  return rows.map((row) => ({ id: row.id, label: row.altText || row.originalName }));
}
