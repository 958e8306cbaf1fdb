"use client";
// Shown when a save is refused because someone else saved first: what differs, and the choices.
import { useState } from "react";
import type { RevisionComparison } from "@/lib/articles/history";
import { DiffView } from "./diff-view";

type Props = {
  savedBy: string;
  compare: () => Promise<RevisionComparison | string>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

export function ConflictPanel({ savedBy, compare, onKeepMine, onTakeTheirs }: Props) {
  const [comparison, setComparison] = useState<RevisionComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const result = await compare();
    if (typeof result === "string") setError(result);
    else setComparison(result);
  };
  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{savedBy} saved this story while you were editing</h2>
      <p>Your latest changes are still here, unsaved. Compare the two versions, copy what you need, then choose which to keep. Nothing is overwritten until you choose.</p>
      <div className="dialog-actions">
        <button type="button" onClick={load}>Compare with their version</button>
        <button type="button" onClick={onTakeTheirs}>Load their version (drop mine)</button>
        <button type="button" className="button-danger" onClick={onKeepMine}>Save mine over theirs</button>
      </div>
      {error && <p role="alert" className="form-error">{error}</p>}
      {comparison && <DiffView comparison={comparison} beforeLabel={`${savedBy}'s version`} afterLabel="Yours" />}
    </section>
  );
}
