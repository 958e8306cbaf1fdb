// The story editor's record picker for the sports blocks (score box, results, standings, medal
// table, fixtures): up to 20 records of one kind matching what the editor typed, or one record by
// id, each as a label the editor recognises ("Aston Villa 0–2 Manchester City") and a detail line
// (competition, date, status). Read-only; open to whoever may write a story (the same permission
// as the editor's other pickers, lib/articles/editor-queries.ts), since inserting a block is an edit.
import "server-only";
import { z } from "zod";
import { db, isPostgres } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { isRecordId } from "../editor/record-id";
import { hasUnstorableCharacters, UNSTORABLE_MESSAGE } from "../text-input";
import type { Prisma } from "../generated/sqlite/client";

export const PICKER_KINDS = ["event", "standings", "medalTable", "season"] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];
export const PICKER_QUERY_MAX = 100;
export const PICKER_LIMIT = 20;
// Words of a search: each must match somewhere ("villa city" finds Aston Villa v Manchester City).
const MAX_WORDS = 6;

export type PickerRecord = { id: string; label: string; detail: string };

// A picker request: a search (q, possibly empty: the newest records) or one record (id).
export type PickerQuery = { kind: PickerKind; q: string } | { kind: PickerKind; id: string };

const KIND_MESSAGE = `Say which records to list: kind must be one of ${PICKER_KINDS.join(", ")}.`;

const QuerySchema = z
  .object({
    kind: z.enum(PICKER_KINDS, { error: KIND_MESSAGE }),
    q: z
      .string()
      .max(PICKER_QUERY_MAX, `The search is too long (at most ${PICKER_QUERY_MAX} characters).`)
      .refine((value) => !hasUnstorableCharacters(value), `The search ${UNSTORABLE_MESSAGE}.`)
      .optional(),
    id: z.string().refine(isRecordId, "That is not a record id.").optional(),
  })
  .refine((query) => query.q === undefined || query.id === undefined, "Search (q) or name one record (id), not both.");

// The query string as the route gets it. Each parameter at most once; nothing else is read.
export function parsePickerQuery(params: URLSearchParams): PickerQuery {
  const raw: Record<string, string> = {};
  for (const name of ["kind", "q", "id"]) {
    const values = params.getAll(name);
    if (values.length > 1) throw new AppError("INVALID", `Give "${name}" once.`, { reason: "query" });
    if (values.length === 1) raw[name] = values[0];
  }
  const parsed = QuerySchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "That is not a record search.", { reason: "query" });
  const { kind, q, id } = parsed.data;
  return id !== undefined ? { kind, id } : { kind, q: q?.trim() ?? "" };
}

// SQLite's LIKE ignores ASCII case; PostgreSQL needs to be asked.
function contains(word: string): Prisma.StringFilter {
  return (isPostgres() ? { contains: word, mode: "insensitive" } : { contains: word }) as Prisma.StringFilter;
}

const wordsOf = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);

// ---------------------------------------------------------------------------------------------
// Dates and statuses as the editor reads them.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: process.env.NEWSROOM_TIME_ZONE ?? "UTC" });
const dayOf = (date: Date | null | undefined) => (date ? dayFormat.format(date) : null);

const STATUS: Record<string, string> = { SCHEDULED: "Scheduled", LIVE: "Live", FINAL: "Final", POSTPONED: "Postponed", CANCELLED: "Cancelled" };

const seasonName = (season: { name: string; competition: { name: string } }) => [season.competition.name, season.name].filter(Boolean).join(" ");
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const detailOf = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(" · ");

// ---------------------------------------------------------------------------------------------
// Events (score box, results table).

const seasonSelect = { select: { name: true, competition: { select: { name: true } } } } as const;

const eventSelect = {
  id: true,
  name: true,
  stage: true,
  status: true,
  startsAt: true,
  startsAtLocal: true,
  venue: true,
  competitionSeason: seasonSelect,
  sport: { select: { name: true } },
  participants: {
    where: { memberOfId: null },
    orderBy: { position: "asc" },
    select: { side: true, score: true, team: { select: { name: true } }, athlete: { select: { name: true } } },
  },
  _count: { select: { participants: { where: { memberOfId: null } } } },
} satisfies Prisma.SportsEventSelect;
type EventRow = Prisma.SportsEventGetPayload<{ select: typeof eventSelect }>;

function eventLabel(event: EventRow): string {
  const named = event.participants.map((p) => ({ ...p, who: p.team?.name ?? p.athlete?.name ?? "?" }));
  const home = named.find((p) => p.side === "HOME");
  const away = named.find((p) => p.side === "AWAY");
  const pair = home && away ? [home, away] : named.length === 2 ? named : null;
  if (pair) {
    const [a, b] = pair;
    return a.score !== null && b.score !== null ? `${a.who} ${a.score}–${b.score} ${b.who}` : `${a.who} v ${b.who}`;
  }
  return event.name ?? event.stage ?? (event.competitionSeason ? seasonName(event.competitionSeason) : "Event");
}

function toEventRecord(event: EventRow): PickerRecord {
  const field = event._count.participants > 2 ? count(event._count.participants, "competitor", "competitors") : null;
  return {
    id: event.id,
    label: eventLabel(event),
    detail: detailOf(event.competitionSeason && seasonName(event.competitionSeason), event.stage, dayOf(event.startsAt) ?? event.startsAtLocal, event.status && STATUS[event.status], event.venue, field),
  };
}

function eventWhere(words: string[]): Prisma.SportsEventWhereInput {
  return {
    AND: words.map((word) => ({
      OR: [
        { name: contains(word) },
        { stage: contains(word) },
        { competitionSeason: { name: contains(word) } },
        { competitionSeason: { competition: { name: contains(word) } } },
        { participants: { some: { OR: [{ team: { name: contains(word) } }, { athlete: { name: contains(word) } }] } } },
      ],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Standings.

const standingsSelect = {
  id: true,
  name: true,
  asOf: true,
  competitionSeason: seasonSelect,
  _count: { select: { rows: true } },
} satisfies Prisma.StandingsSelect;
type StandingsRowData = Prisma.StandingsGetPayload<{ select: typeof standingsSelect }>;

function toStandingsRecord(table: StandingsRowData): PickerRecord {
  const asOf = dayOf(table.asOf);
  const season = seasonName(table.competitionSeason);
  const name = table.name && table.name !== season ? table.name : "standings";
  return {
    id: table.id,
    label: `${season} ${name}${asOf ? ` (as of ${asOf})` : ""}`,
    detail: detailOf(season, count(table._count.rows, "team", "teams"), asOf ? `as of ${asOf}` : "no date"),
  };
}

// A standings table is found by its competition, season and name, or by a team in it ("Bayern").
function standingsWhere(words: string[]): Prisma.StandingsWhereInput {
  return {
    AND: words.map((word) => ({
      OR: [{ name: contains(word) }, { competitionSeason: { name: contains(word) } }, { competitionSeason: { competition: { name: contains(word) } } }, { rows: { some: { team: { name: contains(word) } } } }],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Medal tables and competition seasons.

const medalSelect = { id: true, computed: true, competitionSeason: seasonSelect, _count: { select: { rows: true } } } satisfies Prisma.MedalTableSelect;
type MedalRow = Prisma.MedalTableGetPayload<{ select: typeof medalSelect }>;

const toMedalRecord = (table: MedalRow): PickerRecord => ({
  id: table.id,
  label: `${seasonName(table.competitionSeason)} medal table`,
  detail: detailOf(count(table._count.rows, "country", "countries"), table.computed ? "counted from the medal events' results" : "entered by hand"),
});

const seasonWords = (words: string[]): Prisma.CompetitionSeasonWhereInput => ({
  AND: words.map((word) => ({ OR: [{ name: contains(word) }, { competition: { name: contains(word) } }] })),
});

const seasonSelectWithCounts = {
  id: true,
  name: true,
  competition: { select: { name: true, sport: { select: { name: true } } } },
  _count: { select: { events: true } },
} satisfies Prisma.CompetitionSeasonSelect;
type SeasonRow = Prisma.CompetitionSeasonGetPayload<{ select: typeof seasonSelectWithCounts }>;

const toSeasonRecord = (season: SeasonRow): PickerRecord => ({
  id: season.id,
  label: seasonName(season),
  detail: detailOf(season.competition.sport?.name, count(season._count.events, "event", "events")),
});

// ---------------------------------------------------------------------------------------------

const NEWEST_EVENTS: Prisma.SportsEventOrderByWithRelationInput[] = [{ startsAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }];
const NEWEST_STANDINGS: Prisma.StandingsOrderByWithRelationInput[] = [{ asOf: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }];

async function search(kind: PickerKind, q: string): Promise<PickerRecord[]> {
  const words = wordsOf(q);
  const take = PICKER_LIMIT;
  if (kind === "event") return (await db.sportsEvent.findMany({ where: eventWhere(words), orderBy: NEWEST_EVENTS, take, select: eventSelect })).map(toEventRecord);
  if (kind === "standings") return (await db.standings.findMany({ where: standingsWhere(words), orderBy: NEWEST_STANDINGS, take, select: standingsSelect })).map(toStandingsRecord);
  if (kind === "medalTable")
    return (await db.medalTable.findMany({ where: { competitionSeason: seasonWords(words) }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take, select: medalSelect })).map(toMedalRecord);
  return (await db.competitionSeason.findMany({ where: seasonWords(words), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take, select: seasonSelectWithCounts })).map(toSeasonRecord);
}

async function one(kind: PickerKind, id: string): Promise<PickerRecord | null> {
  if (kind === "event") {
    const event = await db.sportsEvent.findUnique({ where: { id }, select: eventSelect });
    return event && toEventRecord(event);
  }
  if (kind === "standings") {
    const table = await db.standings.findUnique({ where: { id }, select: standingsSelect });
    return table && toStandingsRecord(table);
  }
  if (kind === "medalTable") {
    const table = await db.medalTable.findUnique({ where: { id }, select: medalSelect });
    return table && toMedalRecord(table);
  }
  const season = await db.competitionSeason.findUnique({ where: { id }, select: seasonSelectWithCounts });
  return season && toSeasonRecord(season);
}

const KIND_NAME: Record<PickerKind, string> = { event: "event", standings: "standings table", medalTable: "medal table", season: "competition season" };

// Up to 20 records of the kind matching the search, newest first (an empty search: the newest).
export async function searchSportsRecords(actor: Actor | null, kind: PickerKind, q: string): Promise<PickerRecord[]> {
  assertCan(actor, "article.create");
  return search(kind, q);
}

// One record by id; NOT_FOUND when there is none (deleted, or never there).
export async function readSportsRecord(actor: Actor | null, kind: PickerKind, id: string): Promise<PickerRecord> {
  assertCan(actor, "article.create");
  const found = await one(kind, id);
  if (!found) throw new AppError("NOT_FOUND", `There is no ${KIND_NAME[kind]} with that id: it may have been deleted.`);
  return found;
}

// What the route answers for a query string: a list, or one record.
export async function pickSportsRecords(actor: Actor | null, params: URLSearchParams): Promise<{ items: PickerRecord[] } | { item: PickerRecord }> {
  assertCan(actor, "article.create");
  const query = parsePickerQuery(params);
  return "id" in query ? { item: await readSportsRecord(actor, query.kind, query.id) } : { items: await searchSportsRecords(actor, query.kind, query.q) };
}
