"use client";
// Corrections and update notes on a published story.
import { useState } from "react";
import type { EditorActions } from "./types";

type Note = { id: string; kind: string; text: string; createdAt: string };

export function NotesPanel({ articleId, notes, addNote }: { articleId: string; notes: Note[]; addNote: EditorActions["addNote"] }) {
  const [list, setList] = useState(notes);
  const [kind, setKind] = useState<"CORRECTION" | "UPDATE">("CORRECTION");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await addNote({ articleId, kind, text });
    if (!result.ok) return setError(result.message);
    setList([...list, { id: result.data.id, kind, text, createdAt: result.data.createdAt }]);
    setText("");
    setError(null);
  };
  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Corrections and updates</h2>
      <ul>
        {list.map((note) => (
          <li key={note.id}>
            <strong>{note.kind.toLowerCase()}</strong> ({new Date(note.createdAt).toLocaleString("en-GB")}): {note.text}
          </li>
        ))}
      </ul>
      <div className="field-row">
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as "CORRECTION" | "UPDATE")}>
            <option value="CORRECTION">Correction</option>
            <option value="UPDATE">Update</option>
          </select>
        </label>
        <label className="field">
          <span>Note shown to readers</span>
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="button" disabled={text.trim().length < 5} onClick={submit}>
        Add note
      </button>
    </section>
  );
}
