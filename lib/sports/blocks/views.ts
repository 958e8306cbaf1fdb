// What the sports story blocks show readers (components/site/story/sports-*.tsx), loaded by
// lib/sports/blocks/load.ts: plain data, no Prisma types, so the reader components stay dumb.
export type EventStatusName = "SCHEDULED" | "LIVE" | "FINAL" | "POSTPONED" | "CANCELLED";

export type PeriodView = { period: string; name: string | null; score: number | null; mark: string | null };

export type ParticipantView = {
  id: string;
  side: "HOME" | "AWAY" | null;
  name: string;
  // The team's or athlete's reader page.
  href: string | null;
  country: string | null;
  score: number | null;
  mark: string | null;
  rank: number | null;
  outcome: string | null;
  record: string | null;
  periods: PeriodView[];
};

export type SportsEventView = {
  id: string;
  name: string | null;
  stage: string | null;
  sport: string | null;
  competition: string | null;
  season: string | null;
  // An instant (ISO), or the date/time as the source wrote it when it gave no offset.
  startsAt: string | null;
  startsAtLocal: string | null;
  venue: string | null;
  status: EventStatusName | null;
  period: string | null;
  minute: string | null;
  attendance: number | null;
  updatedAt: string;
  href: string;
  participants: ParticipantView[];
};

export type StandingsRowView = {
  teamId: string;
  name: string;
  href: string | null;
  rank: number | null;
  rankLabel: string;
  played: number | null;
  won: number | null;
  drawn: number | null;
  lost: number | null;
  goalsFor: number | null;
  goalsAgainst: number | null;
  points: number | null;
  form: string | null;
};

export type StandingsView = { id: string; name: string | null; competition: string; season: string; asOf: string | null; updatedAt: string; rows: StandingsRowView[] };

export type MedalRowView = { country: string; name: string; gold: number; silver: number; bronze: number; total: number; rank: number; rankLabel: string };

export type MedalTableView = { id: string; competition: string; season: string; computed: boolean; updatedAt: string; rows: MedalRowView[] };

export type FixturesView = { competition: string; season: string; events: SportsEventView[] };

// The key a fixtures block's list is found under: its season, direction and length.
export const fixturesKey = (seasonId: string, direction: string, count: number) => `${seasonId}:${direction}:${count}`;

export type SportsBlockRecords = {
  events: Map<string, SportsEventView>;
  standings: Map<string, StandingsView>;
  medalTables: Map<string, MedalTableView>;
  fixtures: Map<string, FixturesView>;
  // The teams the story is tagged with, which a standings block may highlight.
  storyTeamIds: ReadonlySet<string>;
};

export const emptySportsRecords = (): SportsBlockRecords => ({ events: new Map(), standings: new Map(), medalTables: new Map(), fixtures: new Map(), storyTeamIds: new Set() });
