"use client";
// For a published or scheduled story: saves go to a working copy that readers do not see. This
// bar says whether it differs from the live version, compares the two, and offers "Update live
// story" (now, or at a set time, with an optional correction or update note) and "Discard changes".
import { useEffect, useState } from "react";
import type { LiveState } from "@/lib/articles/editor-queries";
import type { RevisionComparison } from "@/lib/articles/history/history";
import { DiffView } from "./diff-view";
import type { EditorActions, SaveState } from "./types";

type Props = {
  articleId: string;
  status: string;
  initial: LiveState;
  saveState: SaveState;
  canEdit: boolean;
  canPublish: boolean;
  actions: EditorActions;
  version: () => number;
  // Saves what is in the editor first; false when that failed.
  saveFirst: () => Promise<boolean>;
  onUpdated: (version: number) => void;
  onDiscarded: () => void;
  onProblems: (failure: { message: string; details?: unknown }) => void;
};

type NoteKind = "" | "CORRECTION" | "UPDATE";

function describeChanges(changes: number): string {
  if (changes === 0) return "no unpublished changes";
  return `${changes} unpublished change${changes === 1 ? "" : "s"}`;
}

export function LiveVersionBar({ articleId, status, initial, saveState, canEdit, canPublish, actions, version, saveFirst, onUpdated, onDiscarded, onProblems }: Props) {
  const [live, setLive] = useState(initial);
  const [comparison, setComparison] = useState<RevisionComparison | null>(null);
  const [isConfirmingDiscard, setConfirmingDiscard] = useState(false);
  const [noteKind, setNoteKind] = useState<NoteKind>("");
  const [noteText, setNoteText] = useState("");
  const [when, setWhen] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const isScheduledStory = status === "SCHEDULED";
  const label = isScheduledStory ? "Scheduled version" : "Live";

  // After every save the count may have changed (a save can also bring the copy back to live).
  useEffect(() => {
    if (saveState !== "saved") return;
    let isCurrent = true;
    void actions.liveState(articleId).then((result) => {
      if (isCurrent && result.ok && result.data) setLive(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [saveState, articleId, actions]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      if (await saveFirst()) await work();
    } finally {
      setBusy(false);
    }
  };

  const compare = () =>
    run(async () => {
      if (comparison) return setComparison(null);
      const result = await actions.compareWithLive(articleId);
      if (result.ok) setComparison(result.data);
      else setMessage(result.message);
    });

  const update = () =>
    run(async () => {
      const note = noteKind ? { kind: noteKind, text: noteText } : null;
      const result = await actions.updateLive({ articleId, expectedVersion: version(), note });
      if (!result.ok) return onProblems(result);
      setLive({ changes: 0, updateAt: null, updateBy: null, workingCopyBy: null });
      setComparison(null);
      setNoteKind("");
      setNoteText("");
      setMessage(isScheduledStory ? "The scheduled version now has your changes." : "The live story is updated.");
      onUpdated(result.data.version);
    });

  const schedule = (updateAt: string | null) =>
    run(async () => {
      const result = await actions.scheduleLiveUpdate({ articleId, expectedVersion: version(), updateAt });
      if (!result.ok) return onProblems(result);
      setLive((current) => ({ ...current, updateAt: result.data.updateAt }));
      onUpdated(result.data.version);
    });

  const discard = () =>
    run(async () => {
      const result = await actions.discardChanges({ articleId, expectedVersion: version() });
      if (!result.ok) return setMessage(result.message);
      onDiscarded();
    });

  const hasChanges = live.changes > 0;
  return (
    <section className="live-bar" aria-label="Live version">
      <p className="live-bar-state" role="status">
        <strong>{label}</strong> · {describeChanges(live.changes)}
        {hasChanges && live.workingCopyBy && <> (last saved by {live.workingCopyBy})</>}
        {live.updateAt && (
          <>
            {" "}
            · update scheduled for <time dateTime={live.updateAt}>{new Date(live.updateAt).toLocaleString("en-GB")}</time>
            {live.updateBy && <> by {live.updateBy}</>}
          </>
        )}
      </p>
      {hasChanges && (
        <div className="live-bar-actions">
          <button type="button" onClick={compare} disabled={isBusy} aria-expanded={comparison !== null}>
            {comparison ? "Hide comparison" : `Compare with ${isScheduledStory ? "scheduled" : "live"}`}
          </button>
          {canPublish && (
            <>
              <label className="live-bar-note">
                <span>Note with this update</span>
                <select value={noteKind} onChange={(e) => setNoteKind(e.target.value as NoteKind)}>
                  <option value="">none</option>
                  <option value="CORRECTION">correction</option>
                  <option value="UPDATE">update</option>
                </select>
              </label>
              {noteKind && (
                <label className="live-bar-note-text">
                  <span className="visually-hidden">Text of the {noteKind.toLowerCase()} note</span>
                  <textarea value={noteText} onChange={(e) => setNoteText(e.target.value)} rows={2} placeholder={noteKind === "CORRECTION" ? "What was wrong, and what is right" : "What was added"} />
                </label>
              )}
              <button type="button" className="button-primary" onClick={update} disabled={isBusy}>
                {isScheduledStory ? "Update scheduled story" : "Update live story"}
              </button>
              <span className="schedule-control">
                <label>
                  <span className="visually-hidden">Update live story at</span>
                  <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
                </label>
                <button type="button" disabled={!when || isBusy} onClick={() => schedule(new Date(when).toISOString())}>
                  Update at
                </button>
              </span>
              {live.updateAt && (
                <button type="button" onClick={() => schedule(null)} disabled={isBusy}>
                  Cancel scheduled update
                </button>
              )}
            </>
          )}
          {canEdit && !isConfirmingDiscard && (
            <button type="button" onClick={() => setConfirmingDiscard(true)} disabled={isBusy}>
              Discard changes
            </button>
          )}
          {canEdit && isConfirmingDiscard && (
            <span className="live-bar-confirm" role="group" aria-label="Confirm discarding">
              Discard {describeChanges(live.changes)} and go back to the {isScheduledStory ? "scheduled" : "live"} version?
              <button type="button" className="button-danger" onClick={discard} disabled={isBusy}>
                Yes, discard
              </button>
              <button type="button" onClick={() => setConfirmingDiscard(false)}>
                Keep them
              </button>
            </span>
          )}
        </div>
      )}
      {message && (
        <p className="live-bar-message" role="status">
          {message}
        </p>
      )}
      {comparison && <DiffView comparison={comparison} beforeLabel={isScheduledStory ? "Scheduled" : "Live"} afterLabel="Working copy" />}
    </section>
  );
}
