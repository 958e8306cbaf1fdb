// The event form's fields (plain text, as a browser posts them) turned into what createEvent and
// updateEvent take, and their refusals turned back into the form's field names, so each problem
// shows beside its field ("Home score cannot be negative").
import { ZodError } from "zod";
import { AppError } from "../../errors";

// More than the schema takes (500), so an event too large to save is refused rather than cut short.
export const MAX_COMPETITOR_ROWS = 600;
const LABELS: Record<string, string> = {
  sportId: "Sport",
  competitionSeasonId: "Competition season",
  name: "Name",
  stage: "Stage",
  startsAt: "Start",
  venue: "Venue",
  status: "Status",
  period: "Period",
  minute: "Minute",
  attendance: "Attendance",
  homeTeamId: "Home team",
  awayTeamId: "Away team",
  homeScore: "Home score",
  awayScore: "Away score",
  periodScores: "Scores by period",
  competitors: "Competitors",
  id: "Event",
  expectedVersion: "Version",
};

// "" → null; anything else a number (NaN for text, which the schema refuses as not a whole number).
const numberOf = (value: string | undefined) => (value === undefined || value.trim() === "" ? null : /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN);

// One line a period: "1st half: 0-1" (home score first).
function periodsOf(text: string): { home: { period: string; score: number }[]; away: { period: string; score: number }[] } {
  const home: { period: string; score: number }[] = [];
  const away: { period: string; score: number }[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const match = /^(.{1,40}?)\s*:\s*(\d{1,5})\s*[-–:]\s*(\d{1,5})\s*$/.exec(line.trim());
    if (!match) throw new AppError("INVALID", `Scores by period, line ${index + 1}: write it as "1st half: 0-1" (whole numbers of 0 or more).`, { field: "periodScores" });
    home.push({ period: match[1], score: Number(match[2]) });
    away.push({ period: match[1], score: Number(match[3]) });
  }
  return { home, away };
}

function competitorsOf(fields: Record<string, string>) {
  const count = Math.min(Number(fields.competitorRows) || 0, MAX_COMPETITOR_ROWS);
  const competitors = [];
  for (let i = 0; i < count; i++) {
    const ref = fields[`c${i}.ref`] ?? "";
    if (!ref) continue;
    const [kind, id = ""] = ref.split(":");
    competitors.push({
      teamId: kind === "team" ? id : null,
      athleteId: kind === "athlete" ? id : kind === "team" ? null : "",
      rank: numberOf(fields[`c${i}.rank`]),
      mark: fields[`c${i}.mark`] || null,
      score: numberOf(fields[`c${i}.score`]),
      record: fields[`c${i}.record`] || null,
    });
  }
  return competitors;
}

export function eventInputFromForm(fields: Record<string, string>): Record<string, unknown> {
  const isMatch = fields.mode !== "field";
  const periods = isMatch ? periodsOf(fields.periodScores ?? "") : { home: [], away: [] };
  const side = (which: "home" | "away") => ({ teamId: fields[`${which}TeamId`] ?? "", score: numberOf(fields[`${which}Score`]), periods: periods[which] });
  return {
    id: fields.id,
    expectedVersion: numberOf(fields.version),
    sportId: fields.sportId,
    competitionSeasonId: fields.competitionSeasonId,
    name: fields.name,
    stage: fields.stage,
    startsAt: fields.startsAt,
    venue: fields.venue,
    status: fields.status || null,
    period: fields.period,
    minute: fields.minute,
    attendance: numberOf(fields.attendance),
    medalEvent: fields.medalEvent === "on",
    home: isMatch && (fields.homeTeamId || fields.awayTeamId) ? side("home") : null,
    away: isMatch && (fields.homeTeamId || fields.awayTeamId) ? side("away") : null,
    competitors: isMatch ? [] : competitorsOf(fields),
  };
}

// A schema path as the form names it: home.score → homeScore, competitors.2.rank → c2.rank.
function fieldOf(path: PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if ((first === "home" || first === "away") && second === "teamId") return `${first}TeamId`;
  if ((first === "home" || first === "away") && second === "periods") return "periodScores";
  if (first === "home" || first === "away") return `${first}Score`;
  if (first === "competitors" && second !== undefined) return `c${second}.${third === "teamId" || third === "athleteId" || third === undefined ? "ref" : third}`;
  return first ?? "input";
}

function labelOf(field: string): string {
  const row = /^c(\d+)\.(\w+)$/.exec(field);
  if (row) return `Competitor ${Number(row[1]) + 1} ${row[2] === "ref" ? "" : row[2]}`.trim();
  return LABELS[field] ?? field;
}

// Runs a command on the form's input; a schema refusal comes back naming the form's fields.
export async function withFormFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      if (!Object.hasOwn(fields, field)) fields[field] = `${labelOf(field)} ${issue.message}`;
    }
    throw new AppError("INVALID", `Please fix: ${Object.values(fields).slice(0, 8).join("; ")}.`, { fields });
  }
}
