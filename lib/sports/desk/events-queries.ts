// The newsroom's reads of sports events: the list (search by name, venue or stage; filter by
// competition season and status; newest start first), one event as its edit form shows it, and
// the options its pickers offer (sports, seasons, and the teams and athletes of the event's sport
// matching a search).
import "server-only";
import { z } from "zod";
import { db, isPostgres } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";
import { textInput } from "../../text-input";
import { assertCan, type Actor } from "../../permissions";
import { EVENT_STATUSES } from "./events-schema";

export const EVENTS_PAGE_SIZE = 30;
const PICK_LIMIT = 200;

const Filters = z.object({
  q: textInput().max(200).optional().catch(undefined),
  competitionSeasonId: z
    .string()
    .regex(/^[a-z0-9]{20,32}$/)
    .optional()
    .catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type EventFilters = z.infer<typeof Filters>;

export function parseEventFilters(params: Record<string, string | string[] | undefined>): EventFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return Filters.parse(Object.fromEntries(Object.keys(Filters.shape).map((key) => [key, first(params[key])])));
}

function contains(q: string): Prisma.StringNullableFilter {
  return (isPostgres() ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringNullableFilter;
}

// Home before away, then the document's order. Not sorted by the database: SQLite orders the enum
// as text (AWAY first), PostgreSQL in declaration order (HOME first).
const SIDE_ORDER = { HOME: 0, AWAY: 1 } as const;
export function bySide<T extends { side: "HOME" | "AWAY" | null; position: number }>(participants: T[]): T[] {
  return [...participants].sort((a, b) => (a.side ? SIDE_ORDER[a.side] : 2) - (b.side ? SIDE_ORDER[b.side] : 2) || a.position - b.position);
}

export type EventRow = { id: string; name: string; stage: string | null; startsAt: string | null; status: string | null; competition: string | null; sides: string; version: number };

export async function listEvents(actor: Actor | null, input: Partial<EventFilters> = {}): Promise<{ rows: EventRow[]; total: number; pages: number; page: number }> {
  assertCan(actor, "sports.edit");
  const filters = Filters.parse(input);
  const and: Prisma.SportsEventWhereInput[] = [{ parentId: null }];
  if (filters.q) and.push({ OR: [{ name: contains(filters.q) }, { venue: contains(filters.q) }, { stage: contains(filters.q) }] });
  if (filters.competitionSeasonId) and.push({ competitionSeasonId: filters.competitionSeasonId });
  if (filters.status) and.push({ status: filters.status });
  const where = { AND: and };
  const [total, events] = await Promise.all([
    db.sportsEvent.count({ where }),
    db.sportsEvent.findMany({
      where,
      orderBy: [{ startsAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      skip: (filters.page - 1) * EVENTS_PAGE_SIZE,
      take: EVENTS_PAGE_SIZE,
      include: {
        competitionSeason: { select: { name: true, competition: { select: { name: true } } } },
        participants: { where: { memberOfId: null }, orderBy: { position: "asc" }, take: 4, include: { team: { select: { name: true } }, athlete: { select: { name: true } } } },
      },
    }),
  ]);
  const rows = events
    .map((e) => ({ ...e, participants: bySide(e.participants) }))
    .map((e) => ({
      id: e.id,
      name: e.name ?? "(no name)",
      stage: e.stage,
      startsAt: e.startsAt?.toISOString() ?? e.startsAtLocal,
      status: e.status,
      competition: e.competitionSeason ? [e.competitionSeason.competition.name, e.competitionSeason.name].filter(Boolean).join(" ") : null,
      sides: e.participants.map((p) => `${p.team?.name ?? p.athlete?.name ?? "?"}${p.score !== null ? ` ${p.score}` : ""}`).join(e.participants.some((p) => p.side) ? " – " : ", "),
      version: e.version,
    }));
  return { rows, total, pages: Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE)), page: filters.page };
}

export async function getEventForEdit(actor: Actor | null, id: string) {
  assertCan(actor, "sports.edit");
  if (typeof id !== "string" || !/^[a-z0-9]{20,32}$/.test(id)) return null;
  const event = await db.sportsEvent.findUnique({
    where: { id },
    include: {
      sport: { select: { id: true, name: true } },
      participants: {
        where: { memberOfId: null },
        orderBy: { position: "asc" },
        include: { team: { select: { id: true, name: true, country: true } }, athlete: { select: { id: true, name: true, country: true } }, periods: { orderBy: { position: "asc" } } },
      },
    },
  });
  return event && { ...event, participants: bySide(event.participants) };
}
export type EventForEdit = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

// Competition seasons as pickers and filters name them ("Premier League 2025-26").
export async function listSeasonChoices(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "sports.edit");
  const seasons = await db.competitionSeason.findMany({ orderBy: [{ competition: { name: "asc" } }, { name: "asc" }], select: { id: true, name: true, competition: { select: { name: true } } }, take: 500 });
  return seasons.map((s) => ({ id: s.id, name: [s.competition.name, s.name].filter(Boolean).join(" ") }));
}

export async function eventFormOptions(actor: Actor | null, sportId: string | null, search: string) {
  assertCan(actor, "sports.edit");
  const q = search.trim().slice(0, 100);
  const bySport = sportId ? { sportId } : {};
  const named = q ? { name: contains(q) as Prisma.StringFilter } : {};
  const [sports, seasons, teams, athletes] = await Promise.all([
    db.sport.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listSeasonChoices(actor),
    db.team.findMany({ where: { ...bySport, ...named }, orderBy: { name: "asc" }, select: { id: true, name: true, country: true }, take: PICK_LIMIT }),
    db.athlete.findMany({ where: { ...bySport, ...named }, orderBy: { name: "asc" }, select: { id: true, name: true, country: true }, take: PICK_LIMIT }),
  ]);
  return { sports, seasons, teams, athletes };
}
export type EventFormOptions = Awaited<ReturnType<typeof eventFormOptions>>;
