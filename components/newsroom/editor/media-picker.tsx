"use client";
// Picks a photo from the media library: search by caption, alt text or photographer, or upload new
// ones in place. Right after an upload, someone who may edit photos is asked for its alt text,
// caption and credit (filled in from the file where it said), saved to the library before it is
// used; skipped, the photo waits first in the list.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import type { LibraryItem } from "@/lib/media/library/library-item";
import { UploadDropzone } from "@/components/newsroom/media/upload-dropzone";
import { useRecords } from "./editor-records";
import { PhotoDetailsForm } from "./photo-details";
import type { EditorActions } from "./types";

type Props = { search: EditorActions["searchMedia"]; onPick: (media: PickerMedia | null) => void };

function DetailsStep({ media, waiting, onPick, onSkip }: { media: PickerMedia; waiting: number; onPick: Props["onPick"]; onSkip: () => void }) {
  return (
    <section className="picker-details" aria-labelledby="picker-details-title">
      <div>
        {media.src && <img src={media.src} alt="" />}
        <p className="picker-details-name">{media.originalName}</p>
      </div>
      <div>
        <h3 id="picker-details-title">Describe the photo you uploaded</h3>
        <p className="hint">Saved to the media library, for every story that uses it. A photo needs alt text and a credit before a story with it can be published.</p>
        <PhotoDetailsForm key={media.id} media={media} hasCaption autoFocus submitLabel="Save and use photo" onSaved={onPick}>
          <button type="button" onClick={onSkip}>
            {waiting > 1 ? "Skip: next upload" : "Skip for now"}
          </button>
        </PhotoDetailsForm>
      </div>
    </section>
  );
}

export function MediaPicker({ search, onPick }: Props) {
  const { photos } = useRecords();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<PickerMedia[]>([]);
  const [toDescribe, setToDescribe] = useState<PickerMedia[]>([]);
  const [error, setError] = useState<string | null>(null);
  const addUploaded = useCallback(
    async (item: LibraryItem) => {
      const [media] = await photos.read([item.id]);
      if (!media) return;
      setItems((current) => [media, ...current.filter((other) => other.id !== media.id)]);
      if (photos.canEdit) setToDescribe((current) => [...current, media]);
    },
    [photos],
  );

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

  const describing = toDescribe[0];
  return (
    <dialog ref={dialog} className="media-picker" aria-labelledby="media-picker-title" onClose={() => onPick(null)}>
      <h2 id="media-picker-title">Choose a photo</h2>
      {describing && <DetailsStep media={describing} waiting={toDescribe.length} onPick={onPick} onSkip={() => setToDescribe((current) => current.slice(1))} />}
      {/* Hidden, not removed, while a photo is described: uploads still under way keep going. */}
      <div hidden={Boolean(describing)}>
        <label className="field">
          <span>Search the library</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Caption, alt text or photographer" autoFocus />
        </label>
        <UploadDropzone isCompact onAdded={addUploaded} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
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
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => onPick(null)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
