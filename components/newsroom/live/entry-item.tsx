"use client";
// One entry on the live desk: what readers see of it (as text), its flags, and for whoever may
// change it edit in place, delete (after a confirm), pin and key event; "Make this a story" turns
// it into a new draft story and links to it. Every write names the
// version shown; a 409 (someone changed it meanwhile) says so and offers the entry as it is now.
import { useState } from "react";
import type { JSONContent } from "@tiptap/core";
import type { DeskEntry } from "@/lib/live/desk-queries";
import { LocalTime } from "../editor/local-time";
import { EntryBodyEditor } from "./entry-body-editor";
import { blocksOf } from "./block-picker";
import { ScoreFields, scoreDraftOf, scoreInput } from "./score-fields";
import { EntryTypeSelect } from "./entry-type-select";
import { ENTRY_TYPE_LABELS, type LiveDeskActions } from "./types";

type Props = { entry: DeskEntry; canManage: boolean; canPromote: boolean; actions: LiveDeskActions; onChanged: () => void };

type Failure = { message: string; isStale: boolean };

export function EntryItem({ entry, canManage, canPromote, actions, onChanged }: Props) {
  const [isEditing, setIsEditing] = useState(false);
  const [draftHref, setDraftHref] = useState<string | null>(null);
  const [isPromoting, setIsPromoting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async (work: Promise<{ ok: true } | { ok: false; status: number; message: string }>) => {
    setFailure(null);
    const result = await work;
    if (!result.ok) setFailure({ message: result.message, isStale: result.status === 409 });
    onChanged();
    return result.ok;
  };
  const ref = { entryId: entry.id, expectedVersion: entry.version };
  const promote = async () => {
    setFailure(null);
    setIsPromoting(true);
    const result = await actions.promote(ref);
    setIsPromoting(false);
    if (result.ok) return setDraftHref(result.data.href);
    setFailure({ message: result.message, isStale: result.status === 409 });
    onChanged();
  };
  if (entry.deletedAt) {
    return (
      <li className="live-entry live-entry--deleted" id={`entry-${entry.id}`}>
        <p>
          Deleted entry (<LocalTime iso={entry.deletedAt} />
          ): {entry.bodyText.slice(0, 80)}
        </p>
      </li>
    );
  }
  const score = entry.homeScore !== null ? `${entry.homeScore}–${entry.awayScore}` : null;
  return (
    <li className={`live-entry${entry.pinned ? " live-entry--pinned" : ""}${entry.keyEvent ? " live-entry--key" : ""}`} id={`entry-${entry.id}`} aria-label={`Entry ${entry.bodyText.slice(0, 40)}`}>
      <p className="live-entry-meta">
        <LocalTime iso={entry.postedAt} /> · {ENTRY_TYPE_LABELS[entry.type] ?? entry.type}
        {entry.minuteOrPeriod && ` · ${entry.minuteOrPeriod}`}
        {score && ` · ${score}`}
        {entry.pinned && <strong> · Pinned</strong>}
        {entry.keyEvent && <strong> · Key event</strong>}
        {entry.authors.length > 0 && ` · ${entry.authors.map((author) => author.name).join(", ")}`} · v{entry.version}
      </p>
      {isEditing ? (
        <EntryEditForm
          entry={entry}
          actions={actions}
          onDone={() => {
            setIsEditing(false);
            onChanged();
          }}
        />
      ) : (
        <div className="live-entry-text">
          {entry.bodyText.split("\n").map((line, index) => (
            <p key={index}>{line}</p>
          ))}
          {blocksOf(entry.body).map((name, index) => (
            <p key={`block-${index}`} className="live-entry-block">
              [{name}]
            </p>
          ))}
        </div>
      )}
      <div className="live-entry-actions">
        {entry.canEdit && !isEditing && (
          <button type="button" onClick={() => setIsEditing(true)}>
            Edit
          </button>
        )}
        {entry.canEdit && (
          <button type="button" aria-pressed={entry.keyEvent} onClick={() => run(actions.setKeyEvent({ ...ref, value: !entry.keyEvent }))}>
            {entry.keyEvent ? "Not a key event" : "Key event"}
          </button>
        )}
        {canManage && (
          <button type="button" aria-pressed={entry.pinned} onClick={() => run(actions.setPinned({ ...ref, value: !entry.pinned }))}>
            {entry.pinned ? "Unpin" : "Pin"}
          </button>
        )}
        {entry.canEdit && (
          <button type="button" className="danger" onClick={() => window.confirm("Delete this entry? Readers will no longer see it, and it cannot be brought back.") && run(actions.remove(ref))}>
            Delete
          </button>
        )}
        {canPromote && !draftHref && (
          <button type="button" onClick={promote} disabled={isPromoting}>
            {isPromoting ? "Making a story…" : "Make this a story"}
          </button>
        )}
      </div>
      {draftHref && (
        <p role="status" className="live-entry-promoted">
          A draft story was made from this entry. <a href={draftHref}>Open the draft</a>
        </p>
      )}
      {failure && (
        <p role="alert" className="live-error">
          {failure.message} {failure.isStale && "The entry above is now the latest version."}
        </p>
      )}
    </li>
  );
}

type EditProps = { entry: DeskEntry; actions: LiveDeskActions; onDone: () => void };

// Edit in place: the whole entry as the person now sees it, naming the version it started from.
// The desk's poll does not touch what is being typed here; a stale save says so, and "Reload"
// closes the form on the latest version (Edit starts again from it).
function EntryEditForm({ entry, actions, onDone }: EditProps) {
  const [body, setBody] = useState<JSONContent>(entry.body);
  const [type, setType] = useState(entry.type);
  const [score, setScore] = useState(scoreDraftOf(entry));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const save = async () => {
    setIsSaving(true);
    const input = { entryId: entry.id, expectedVersion: entry.version, postedAt: entry.postedAt, body, type, keyEvent: entry.keyEvent, ...scoreInput(score) };
    const result = await actions.edit(input);
    setIsSaving(false);
    if (result.ok) return onDone();
    setFailure({ message: result.message, isStale: result.status === 409 });
  };
  return (
    <div className="live-entry-edit">
      <EntryBodyEditor label="Edit entry" initialContent={entry.body} onChange={setBody} onSubmit={save} autoFocus />
      <EntryTypeSelect value={type} onChange={setType} />
      <ScoreFields score={score} onChange={setScore} />
      <button type="button" className="primary" onClick={save} disabled={isSaving} title="Save (Ctrl+Enter)">
        {isSaving ? "Saving…" : "Save entry"}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {failure && (
        <div role="alert" className="live-error">
          <p>{failure.message}</p>
          {failure.isStale && (
            <button type="button" onClick={onDone}>
              Reload the entry (drops your edit)
            </button>
          )}
        </div>
      )}
    </div>
  );
}
