// An event as its form's fields show it (text for every input); a new event's are empty.
import type { EventForEdit } from "@/lib/sports/desk/events-queries";

export type EventFormValues = {
  name: string;
  stage: string;
  sportId: string;
  competitionSeasonId: string;
  startsAt: string;
  venue: string;
  attendance: string;
  status: string;
  period: string;
  minute: string;
  medalEvent: boolean;
  mode: "match" | "field";
  homeTeamId: string;
  awayTeamId: string;
  homeScore: string;
  awayScore: string;
  periodScores: string;
  competitors: { ref: string; rank: string; mark: string; score: string; record: string }[];
};

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function emptyEventValues(sportId = ""): EventFormValues {
  return {
    name: "",
    stage: "",
    sportId,
    competitionSeasonId: "",
    startsAt: "",
    venue: "",
    attendance: "",
    status: "SCHEDULED",
    period: "",
    minute: "",
    medalEvent: false,
    mode: "match",
    homeTeamId: "",
    awayTeamId: "",
    homeScore: "",
    awayScore: "",
    periodScores: "",
    competitors: [],
  };
}

export function eventValues(event: EventForEdit): EventFormValues {
  const home = event.participants.find((p) => p.side === "HOME");
  const away = event.participants.find((p) => p.side === "AWAY");
  const isMatch = Boolean(home && away) || event.participants.length === 0;
  const periodScores = (home?.periods ?? []).map((period) => `${period.period}: ${text(period.score)}-${text(away?.periods.find((p) => p.period === period.period)?.score)}`).join("\n");
  return {
    name: text(event.name),
    stage: text(event.stage),
    sportId: text(event.sportId),
    competitionSeasonId: text(event.competitionSeasonId),
    startsAt: event.startsAt ? event.startsAt.toISOString().slice(0, 16) : "",
    venue: text(event.venue),
    attendance: text(event.attendance),
    status: text(event.status),
    period: text(event.period),
    minute: text(event.minute),
    medalEvent: event.medalEvent,
    mode: isMatch ? "match" : "field",
    homeTeamId: text(home?.teamId),
    awayTeamId: text(away?.teamId),
    homeScore: text(home?.score),
    awayScore: text(away?.score),
    periodScores,
    competitors: isMatch
      ? []
      : event.participants.map((p) => ({ ref: p.teamId ? `team:${p.teamId}` : `athlete:${p.athleteId}`, rank: text(p.rank), mark: text(p.mark), score: text(p.score), record: text(p.record) })),
  };
}
