// What the sports story blocks show readers (components/site/sports/*), loaded by
// lib/sports/blocks/load.ts. Events are the reader pages' EventSummary (lib/sports/pages/views.ts)
// with what a score box adds; standings and medal tables are the competition page's too
// (lib/sports/tables.ts). Plain data, so the reader components stay dumb.
import type { EventSummary, PersonRef, SideView } from "../pages/views";

export type PeriodView = { period: string; name: string | null; score: number | null; mark: string | null };

export type ScoredSide = SideView & { periods: PeriodView[] };

export type SportsEventView = Omit<EventSummary, "sides"> & { attendance: number | null; updatedAt: string; sides: ScoredSide[] };

// A team's numbers in a table (also the team page's row, lib/sports/pages/team-page.ts).
export type StandingsNumbers = {
  rank: number | null;
  played: number | null;
  won: number | null;
  drawn: number | null;
  lost: number | null;
  goalsFor: number | null;
  goalsAgainst: number | null;
  points: number | null;
  form: string | null;
};

export type StandingsRowView = StandingsNumbers & { team: PersonRef; rankLabel: string };

export type StandingsView = { id: string; name: string | null; competition: string; season: string; asOf: string | null; updatedAt: string; rows: StandingsRowView[] };

export type MedalRowView = { country: string; name: string; gold: number; silver: number; bronze: number; total: number; rank: number; rankLabel: string };

export type MedalTableView = { id: string; competition: string; season: string; computed: boolean; updatedAt: string; rows: MedalRowView[] };

export type FixturesView = { competition: string; season: string; events: EventSummary[] };

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
