// The editor's Teams, Athletes and Events pickers: search-as-you-type over the sports records, and
// the labels of the ones a story already names. Staff-only, checked like the other pickers.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { searchInput, textInput } from "../text-input";
import { RECORD_ID } from "../editor/record-id";

export const SPORTS_LINK_KINDS = ["team", "athlete", "event"] as const;
export type SportsLinkKind = (typeof SPORTS_LINK_KINDS)[number];
export type SportsLinkOption = { id: string; label: string };
export type SportsLinkLabels = Record<"teams" | "athletes" | "events", SportsLinkOption[]>;

const PICKER_LIMIT = 20;

const SearchInput = z.object({
  kind: z.enum(SPORTS_LINK_KINDS, { message: "kind must be team, athlete or event" }),
  q: textInput().max(100, "must be at most 100 characters").default(""),
});

const eventSelect = {
  id: true,
  name: true,
  stage: true,
  startsAt: true,
  startsAtLocal: true,
  participants: { where: { memberOfId: null }, orderBy: { position: "asc" }, take: 4, select: { team: { select: { name: true } }, athlete: { select: { name: true } } } },
} as const;

type EventRow = {
  id: string;
  name: string | null;
  stage: string | null;
  startsAt: Date | null;
  startsAtLocal: string | null;
  participants: { team: { name: string } | null; athlete: { name: string } | null }[];
};

// "Aston Villa v Manchester City, 2025-01-12": its name, else its sides, else its stage; and its date.
export function eventLabel(event: EventRow): string {
  const sides = event.participants.map((p) => p.team?.name ?? p.athlete?.name).filter(Boolean);
  const title = event.name || (sides.length === 2 ? sides.join(" v ") : event.stage) || "Unnamed event";
  const day = event.startsAt?.toISOString().slice(0, 10) ?? event.startsAtLocal?.slice(0, 10);
  return day ? `${title}, ${day}` : title;
}

const withCountry = (row: { id: string; name: string; country: string | null }): SportsLinkOption => ({ id: row.id, label: row.country ? `${row.name} (${row.country})` : row.name });

// Names match case-insensitively on both databases through their lower-case nameKey.
export async function searchSportsLinks(actor: Actor | null, raw: unknown): Promise<SportsLinkOption[]> {
  assertCan(actor, "article.create");
  const input = SearchInput.parse(raw);
  const q = searchInput(input.q, 100).toLowerCase();
  const byName = q ? { nameKey: { contains: q } } : {};
  const select = { id: true, name: true, country: true } as const;
  if (input.kind === "team") return (await db.team.findMany({ where: byName, orderBy: { name: "asc" }, take: PICKER_LIMIT, select })).map(withCountry);
  if (input.kind === "athlete") return (await db.athlete.findMany({ where: byName, orderBy: { name: "asc" }, take: PICKER_LIMIT, select })).map(withCountry);
  const sideNamed = { memberOfId: null, OR: [{ team: byName }, { athlete: byName }] };
  const events = await db.sportsEvent.findMany({
    where: q ? { OR: [{ name: { contains: input.q } }, { stage: { contains: input.q } }, { participants: { some: sideNamed } }] } : {},
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: PICKER_LIMIT,
    select: eventSelect,
  });
  return events.map((event) => ({ id: event.id, label: eventLabel(event) }));
}

const LinkIds = z.array(z.string().regex(RECORD_ID)).max(20);

// The labels of the records a story names, in its order (one that was deleted is left out).
export async function labelSportsLinks(ids: { teamIds: string[]; athleteIds: string[]; eventIds: string[] }): Promise<SportsLinkLabels> {
  const [teamIds, athleteIds, eventIds] = [ids.teamIds, ids.athleteIds, ids.eventIds].map((list) => LinkIds.parse(list));
  const select = { id: true, name: true, country: true } as const;
  const [teams, athletes, events] = await Promise.all([
    teamIds.length ? db.team.findMany({ where: { id: { in: teamIds } }, select }) : [],
    athleteIds.length ? db.athlete.findMany({ where: { id: { in: athleteIds } }, select }) : [],
    eventIds.length ? db.sportsEvent.findMany({ where: { id: { in: eventIds } }, select: eventSelect }) : [],
  ]);
  const inOrder = (order: string[], options: SportsLinkOption[]) => order.flatMap((id) => options.filter((o) => o.id === id));
  return {
    teams: inOrder(teamIds, teams.map(withCountry)),
    athletes: inOrder(athleteIds, athletes.map(withCountry)),
    events: inOrder(
      eventIds,
      events.map((event) => ({ id: event.id, label: eventLabel(event) })),
    ),
  };
}
