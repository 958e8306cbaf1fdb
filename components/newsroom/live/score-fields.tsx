"use client";
// The score snapshot of an entry: home and away goals (both or neither) and the minute or period.
export type ScoreDraft = { home: string; away: string; minute: string };

export const NO_SCORE: ScoreDraft = { home: "", away: "", minute: "" };

// What the commands take: numbers or null, and the minute as text (empty means none).
export function scoreInput(score: ScoreDraft) {
  const goals = (text: string) => (text.trim() === "" ? null : Number(text));
  return { homeScore: goals(score.home), awayScore: goals(score.away), minuteOrPeriod: score.minute.trim() };
}

export function scoreDraftOf(entry: { homeScore: number | null; awayScore: number | null; minuteOrPeriod: string | null } | undefined): ScoreDraft {
  if (!entry) return NO_SCORE;
  return { home: entry.homeScore === null ? "" : String(entry.homeScore), away: entry.awayScore === null ? "" : String(entry.awayScore), minute: entry.minuteOrPeriod ?? "" };
}

type Props = { score: ScoreDraft; onChange: (score: ScoreDraft) => void; homeLabel?: string; awayLabel?: string };

export function ScoreFields({ score, onChange, homeLabel = "Home", awayLabel = "Away" }: Props) {
  return (
    <fieldset className="live-score-fields">
      <legend>Score</legend>
      <label>
        {homeLabel} <input type="number" min={0} max={999} inputMode="numeric" value={score.home} onChange={(e) => onChange({ ...score, home: e.target.value })} />
      </label>
      <label>
        {awayLabel} <input type="number" min={0} max={999} inputMode="numeric" value={score.away} onChange={(e) => onChange({ ...score, away: e.target.value })} />
      </label>
      <label>
        Minute or period <input type="text" maxLength={40} value={score.minute} onChange={(e) => onChange({ ...score, minute: e.target.value })} />
      </label>
    </fieldset>
  );
}
