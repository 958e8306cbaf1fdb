"use client";
// The current score (the newest entry with a score snapshot), one click to change: the new score
// is posted as a key GOAL entry (lib/live/score.ts), so readers see it arrive like any entry.
import { useState } from "react";
import type { LiveMatchView } from "@/lib/live/views";
import { ScoreFields, scoreInput, type ScoreDraft } from "./score-fields";
import type { LiveDeskActions } from "./types";

type Props = { articleId: string; match: LiveMatchView | null; score: ScoreDraft; postScore: LiveDeskActions["postScore"]; onPosted: () => void };

export function ScoreBar({ articleId, match, score, postScore, onPosted }: Props) {
  const [draft, setDraft] = useState<ScoreDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = score.home !== "" ? `${score.home}–${score.away}` : "no score yet";
  const save = async () => {
    if (!draft) return;
    const { homeScore, awayScore, minuteOrPeriod } = scoreInput(draft);
    const result = await postScore({ articleId, homeScore, awayScore, minuteOrPeriod });
    if (!result.ok) return setError(result.message);
    setError(null);
    setDraft(null);
    onPosted();
  };
  return (
    <section className="live-score-bar" aria-label="Score">
      {draft ? (
        <form onSubmit={(e) => (e.preventDefault(), save())}>
          <ScoreFields score={draft} onChange={setDraft} homeLabel={match?.home ?? "Home"} awayLabel={match?.away ?? "Away"} />
          <button type="submit" className="primary">
            Post the new score
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="live-score" onClick={() => setDraft({ home: score.home || "0", away: score.away || "0", minute: score.minute })} title="Change the score">
          {match ? `${match.home} ${shown} ${match.away}` : `Score: ${shown}`} <span className="live-score-edit">Change</span>
        </button>
      )}
      {error && (
        <p role="alert" className="live-error">
          {error}
        </p>
      )}
    </section>
  );
}
