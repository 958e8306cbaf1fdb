// What Pressbox keeps from a SportsML 3 document, whichever form it came in (XML or SportsJS JSON).
// Plain JSON, so it can be stored as it is. A field the document does not carry is null.

export type EventStatus = "scheduled" | "live" | "final" | "postponed" | "cancelled";
export type Side = "home" | "away";
export type Outcome = "win" | "loss" | "tie";

// A period, set, leg or shooting stage: `name` tells sub-scores of the same period apart
// (biathlon sends "Penaltyrounds" and "Extra shots" for each leg).
export type PeriodScore = { period: string; name: string | null; score: number | null; mark: string | null };

export type Participant = {
  kind: "team" | "player";
  id: string | null;
  key: string | null;
  // Null only when the document identifies the participant by key alone.
  name: string | null;
  side: Side | null;
  // A whole-number score (goals, points, sets won); `mark` holds a time or measure sent instead.
  score: number | null;
  mark: string | null;
  outcome: Outcome | null;
  // The place in this event (an individual race, a relay), not a world ranking.
  rank: number | null;
  periods: PeriodScore[];
  // A team's players as listed for the event (line-up, relay legs, a doubles pair).
  members: Participant[];
};

export type Competition = { sport: string | null; competition: string | null; season: string | null };

export type SportsEventDoc = Competition & {
  // Where the event is in the document, to find it again in messages.
  path: string;
  key: string | null;
  id: string | null;
  name: string | null;
  // The round or phase it belongs to in a tournament ("Semi-final").
  stage: string | null;
  // ISO 8601: UTC when the document gave an offset, else as written (a date, or local time).
  startsAt: string | null;
  endsAt: string | null;
  venue: string | null;
  status: EventStatus | null;
  attendance: number | null;
  participants: Participant[];
  // Matches within the event: the rubbers of a Davis Cup tie.
  subEvents: SportsEventDoc[];
};

export type StandingsRow = {
  key: string | null;
  name: string;
  rank: number | null;
  played: number | null;
  won: number | null;
  drawn: number | null;
  lost: number | null;
  goalsFor: number | null;
  goalsAgainst: number | null;
  points: number | null;
};

export type StandingsDoc = Competition & {
  path: string;
  name: string | null;
  // The standings' date when the document gives one ("after the games of 2015-10-03").
  date: string | null;
  rows: StandingsRow[];
};

export type SportsMlDocument = { events: SportsEventDoc[]; standings: StandingsDoc[]; skipped: string[] };
