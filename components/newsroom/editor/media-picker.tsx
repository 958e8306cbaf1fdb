"use client";
// Picks a photo from the media library: search by caption, alt text or photographer, or upload new
// ones in place (they appear first in the list, ready to pick).
import { useCallback, useEffect, useRef, useState } from "react";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import { UploadDropzone } from "@/components/newsroom/media/upload-dropzone";
import type { EditorActions } from "./types";

type Props = { search: EditorActions["searchMedia"]; onPick: (media: PickerMedia | null) => void };

export function MediaPicker({ search, onPick }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<PickerMedia[]>([]);
  const [error, setError] = useState<string | null>(null);
  const addUploaded = useCallback((item: PickerMedia) => setItems((current) => [item, ...current.filter((other) => other.id !== item.id)]), []);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await search(query);
      if (result.ok) {
        setItems(result.data);
        setError(null);
      } else setError(result.message);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, search]);

  return (
    <dialog ref={dialog} className="media-picker" aria-labelledby="media-picker-title" onClose={() => onPick(null)}>
      <h2 id="media-picker-title">Choose a photo</h2>
      <label className="field">
        <span>Search the library</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Caption, alt text or photographer" autoFocus />
      </label>
      <UploadDropzone isCompact onAdded={addUploaded} />
      {error && <p role="alert" className="form-error">{error}</p>}
      <ul className="media-picker-grid">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => onPick(item)} aria-label={`Use photo: ${item.altText || item.defaultCaption || "no description"}`}>
              {item.src && <img src={item.src} alt="" />}
              <span className="media-picker-caption">{item.defaultCaption || item.altText}</span>
              <span className="media-picker-credit">{item.credit ?? "No credit"}</span>
              {item.hasProblems && <span className="badge badge--warning">Needs attention</span>}
            </button>
          </li>
        ))}
      </ul>
      {items.length === 0 && !error && <p>No photos match.</p>}
      <div className="dialog-actions"><button type="button" onClick={() => onPick(null)}>Cancel</button></div>
    </dialog>
  );
}
