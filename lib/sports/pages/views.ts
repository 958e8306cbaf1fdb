// What the sports reader pages receive (lib/sports/pages/*): events, sides and results as the SQL
// in sql.ts returns them (dates as ISO strings), with their addresses and the cache tags of every
// record a page shows, so a corrected score or a renamed team refreshes it.
import { cacheTags } from "../../cache/tags";

export type EventStatus = "SCHEDULED" | "LIVE" | "FINAL" | "POSTPONED" | "CANCELLED";

export type PersonRef = { id: string; name: string; slug: string | null; country: string | null };

export type SideView = {
  id: string;
  side: "HOME" | "AWAY" | null;
  position: number;
  score: number | null;
  mark: string | null;
  rank: number | null;
  outcome: string | null;
  record: string | null;
  team: PersonRef | null;
  athlete: PersonRef | null;
};

export type EventCompetition = { id: string; name: string; slug: string | null; seasonId: string; season: string };

export type EventSummary = {
  id: string;
  name: string | null;
  stage: string | null;
  status: EventStatus | null;
  period: string | null;
  minute: string | null;
  venue: string | null;
  startsAt: string | null;
  startsAtLocal: string | null;
  sport: string | null;
  competition: EventCompetition | null;
  sides: SideView[];
};

export const teamHref = (slug: string) => `/teams/${slug}`;
export const athleteHref = (slug: string) => `/athletes/${slug}`;
export const matchHref = (id: string) => `/matches/${id}`;

// A season other than the latest is `?season=<its name>`; a season without a name is "-".
export function seasonParam(season: string): string {
  return season === "" ? "-" : season;
}

// The season a `?season=` value names: null for the latest (no value), undefined when it cannot
// name one (repeated, or too long).
export function parseSeasonParam(value: string | string[] | undefined): string | null | undefined {
  if (value === undefined) return null;
  if (Array.isArray(value) || value.length > 200) return undefined;
  return value === "-" ? "" : value;
}

export function competitionHref(slug: string, season?: string): string {
  return season === undefined ? `/competitions/${slug}` : `/competitions/${slug}?season=${encodeURIComponent(seasonParam(season))}`;
}

export function sideName(side: Pick<SideView, "team" | "athlete">): string {
  return side.team?.name ?? side.athlete?.name ?? "Unknown";
}

// A home and an away side make a match ("Aston Villa v Manchester City"); anything else is a field.
export function matchSides<Side extends SideView>(event: { sides: readonly Side[] }): { home: Side; away: Side } | null {
  const home = event.sides.find((side) => side.side === "HOME");
  const away = event.sides.find((side) => side.side === "AWAY");
  return home && away ? { home, away } : null;
}

// Two sides facing each other: home and away when the data says so, else a pair without places
// (a tennis rubber between two players), the first named on the left.
export function headToHead<Side extends SideView>(event: { sides: readonly Side[] }): { home: Side; away: Side } | null {
  const match = matchSides(event);
  if (match) return match;
  const [first, second] = event.sides;
  return event.sides.length === 2 && first.rank === null && second.rank === null ? { home: first, away: second } : null;
}

// A field (no home and away) in finishing order: ranked first by rank, then the rest as listed.
export function finishingOrder<T extends Pick<SideView, "rank" | "position">>(sides: readonly T[]): T[] {
  return [...sides].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.position - b.position);
}

export function eventTitle(event: Pick<EventSummary, "name" | "stage" | "competition" | "sport"> & { sides: readonly SideView[] }): string {
  const match = headToHead(event);
  if (match) return `${sideName(match.home)} v ${sideName(match.away)}`;
  return event.name ?? event.stage ?? event.competition?.name ?? event.sport ?? "Event";
}

const STATUS_LABELS: Record<EventStatus, string> = { SCHEDULED: "Scheduled", LIVE: "Live", FINAL: "Final", POSTPONED: "Postponed", CANCELLED: "Cancelled" };

export function statusLabel(status: EventStatus | null): string | null {
  return status ? STATUS_LABELS[status] : null;
}

// The tags of the events, teams and athletes a list of events shows.
export function eventTags(events: readonly Pick<EventSummary, "id" | "sides" | "competition">[]): string[] {
  const tags = new Set<string>();
  for (const event of events) {
    tags.add(cacheTags.sportsEvent(event.id));
    if (event.competition) tags.add(cacheTags.competitionSeason(event.competition.seasonId));
    for (const side of event.sides) {
      if (side.team) tags.add(cacheTags.team(side.team.id));
      if (side.athlete) tags.add(cacheTags.athlete(side.athlete.id));
    }
  }
  return [...tags];
}

// Stories a sports page lists, a page at a time.
export type StoryList<Card> = { stories: Card[]; total: number; page: number; pageSize: number };
