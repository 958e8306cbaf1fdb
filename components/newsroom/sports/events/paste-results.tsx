"use client";
// "Paste results": a table copied from a spreadsheet or an agency's agate goes to the preview
// first (each row with what was read, the athlete or team it matches or "will be created", and its
// own problems), then "Apply" writes it all, or nothing when any row has a problem.
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { ActionForm, type FormAction, type FormState } from "../../action-form";
import type { PastePreview } from "@/lib/sports/desk/paste";

type Props = { eventId: string; version: number; preview: FormAction; apply: FormAction };

function PreviewTable({ preview }: { preview: PastePreview }) {
  return (
    <div className="admin-table-wrap">
      <table className="admin-table">
        <caption>What will be stored ({preview.rows.length} rows)</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Rank</th>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Mark</th>
            <th scope="col">Record</th>
            <th scope="col">{preview.kind === "athlete" ? "Athlete" : "Team"}</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row}>
              <td className="numeric">{row.row}</td>
              <td>{row.rank === null ? "" : `${row.isTie ? "=" : ""}${row.rank}`}</td>
              <td>{row.name}</td>
              <td>{row.country}</td>
              <td>{row.mark}</td>
              <td>{row.record}</td>
              <td>{row.match ? `matches ${row.match.name}` : "will be created"}</td>
              <td>{row.errors.length ? <span className="form-error">{row.errors.join("; ")}</span> : "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PasteResults({ eventId, version, preview, apply }: Props) {
  const textId = useId();
  const [text, setText] = useState("");
  const [kind, setKind] = useState<"athlete" | "team">("athlete");
  // What the preview read: "Apply" sends exactly that, even if the box was edited since.
  const [previewed, setPreviewed] = useState("");
  const [state, dispatch, isPending] = useActionState<FormState, FormData>(preview, null);
  const result = state?.ok ? (state.data as PastePreview) : null;

  function handlePreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPreviewed(text);
    startTransition(() => dispatch(data));
  }

  return (
    <section className="admin-section" aria-labelledby="paste-heading">
      <h2 id="paste-heading">Paste results</h2>
      <p className="muted">
        Copy the table from a spreadsheet or the agency&apos;s agate (tab-separated or CSV) with a header row such as &quot;Rank, Name, Country, Time, Record&quot;. Shared places may be written &quot;=3&quot;;
        DNF, DNS and DSQ need no rank. Applying replaces this event&apos;s competitors.
      </p>
      <form className="admin-form" onSubmit={handlePreview} action={dispatch}>
        <input type="hidden" name="eventId" value={eventId} />
        <fieldset>
          <legend>Each row is</legend>
          <label className="checkbox-field">
            <input type="radio" name="kind" value="athlete" checked={kind === "athlete"} onChange={() => setKind("athlete")} /> an athlete
          </label>
          <label className="checkbox-field">
            <input type="radio" name="kind" value="team" checked={kind === "team"} onChange={() => setKind("team")} /> a team
          </label>
        </fieldset>
        <label htmlFor={textId}>Results table</label>
        <textarea id={textId} name="text" rows={8} value={text} onChange={(event) => setText(event.target.value)} maxLength={100_000} />
        <div className="form-actions">
          <button type="submit" disabled={isPending || !text.trim()}>
            {isPending ? "Reading…" : "Preview"}
          </button>
          {state && !state.ok && !isPending && (
            <p role="alert" className="form-error">
              {state.message}
            </p>
          )}
        </div>
      </form>
      {result && (
        <div aria-live="polite">
          {result.problems.length > 0 ? (
            <p role="alert" className="form-error">
              {result.problems.length} {result.problems.length === 1 ? "problem" : "problems"}: fix the rows below in the table and preview again. Nothing can be applied until every row is right.
            </p>
          ) : (
            <p role="status" className="form-status">
              {result.rows.length} rows read; {result.willCreate} {result.kind === "athlete" ? "athletes" : "teams"} will be created.
            </p>
          )}
          <PreviewTable preview={result} />
          {result.problems.length === 0 && (
            <ActionForm action={apply} submitLabel="Apply results" successMessage="Results stored." record={{ id: eventId, version }}>
              <input type="hidden" name="eventId" value={eventId} />
              <input type="hidden" name="kind" value={result.kind} />
              <input type="hidden" name="text" value={previewed} />
            </ActionForm>
          )}
        </div>
      )}
    </section>
  );
}
