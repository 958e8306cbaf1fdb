"use client";
// The coverage itself, for the desk (live.manage): status (going live stamps the start, ending
// the end), times, the match and the key points. One form, naming the coverage's version.
import { useState, type FormEvent } from "react";
import type { LiveCoverageView } from "@/lib/live/views";
import { LIVE_STATUSES } from "@/lib/live/schema";
import { STATUS_LABELS, type LiveDeskActions } from "./types";

type Props = { coverage: LiveCoverageView; update: LiveDeskActions["updateCoverage"]; onSaved: () => void };

// datetime-local speaks the browser's time zone; the server gets an ISO moment.
const toLocal = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : null);

export function CoveragePanel({ coverage, update, onSaved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const match = text("home") || text("away") ? { home: text("home"), away: text("away"), competition: text("competition"), venue: text("venue") } : null;
    const keyPoints = text("keyPoints")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    // A time left as it was is not sent, so going live or ending still stamps it.
    const time = (name: "startsAt" | "endsAt") => (text(name) === toLocal(coverage[name]) ? undefined : fromLocal(text(name)));
    const input = { articleId: coverage.articleId, expectedVersion: coverage.version, status: text("status"), startsAt: time("startsAt"), endsAt: time("endsAt"), match, keyPoints };
    const result = await update(input);
    setNotice(result.ok ? "Saved." : null);
    setError(result.ok ? null : result.message);
    onSaved();
  };
  return (
    <details className="live-coverage-panel">
      <summary>Coverage: {STATUS_LABELS[coverage.status] ?? coverage.status} (status, times, match, key points)</summary>
      <form key={coverage.version} onSubmit={submit}>
        <label>
          Status{" "}
          <select name="status" defaultValue={coverage.status}>
            {LIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Starts <input type="datetime-local" name="startsAt" defaultValue={toLocal(coverage.startsAt)} />
        </label>
        <label>
          Ends <input type="datetime-local" name="endsAt" defaultValue={toLocal(coverage.endsAt)} />
        </label>
        <fieldset>
          <legend>Match</legend>
          <label>
            Home <input name="home" defaultValue={coverage.match?.home ?? ""} maxLength={80} />
          </label>
          <label>
            Away <input name="away" defaultValue={coverage.match?.away ?? ""} maxLength={80} />
          </label>
          <label>
            Competition <input name="competition" defaultValue={coverage.match?.competition ?? ""} maxLength={120} />
          </label>
          <label>
            Venue <input name="venue" defaultValue={coverage.match?.venue ?? ""} maxLength={120} />
          </label>
        </fieldset>
        <label>
          Key points (one a line) <textarea name="keyPoints" rows={4} defaultValue={coverage.keyPoints.join("\n")} />
        </label>
        <button type="submit" className="primary">
          Save coverage
        </button>
        {notice && <p role="status">{notice}</p>}
        {error && (
          <p role="alert" className="live-error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
