"use client";
// Revision history: who saved when; compare any two; restore one (a restore is a new revision).
import { useEffect, useState } from "react";
import type { RevisionComparison, RevisionSummary } from "@/lib/articles/history/history";
import type { EditorActions } from "./types";
import { DiffView } from "./diff-view";

type Props = { articleId: string; actions: EditorActions; version: () => number; onRestored: () => void; canRestore: boolean };

export function HistoryPanel({ articleId, actions, version, onRestored, canRestore }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<RevisionComparison | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void actions.listRevisions(articleId).then((result) => (result.ok ? setRevisions(result.data) : setMessage(result.message)));
  }, [actions, articleId]);

  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current.slice(-1), id]));
  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => revisions.findIndex((r) => r.id === y) - revisions.findIndex((r) => r.id === x));
    const result = await actions.compareRevisions(articleId, a, b);
    if (result.ok) setComparison(result.data);
    else setMessage(result.message);
  };
  const restore = async (revisionId: string) => {
    const result = await actions.restoreRevision({ articleId, revisionId, expectedVersion: version() });
    if (result.ok) onRestored();
    else setMessage(result.message);
  };

  return (
    <section className="history-panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id}>
            <label>
              <input type="checkbox" checked={picked.includes(revision.id)} onChange={() => toggle(revision.id)} /> {new Date(revision.createdAt).toLocaleString("en-GB")} · {revision.author ?? "Scheduler"} ·{" "}
              {revision.kind.toLowerCase()}
            </label>
            {canRestore && (
              <button type="button" onClick={() => restore(revision.id)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" disabled={picked.length !== 2} onClick={compare}>
        Compare the two ticked versions
      </button>
      {comparison && <DiffView comparison={comparison} beforeLabel="Older" afterLabel="Newer" />}
    </section>
  );
}
