"use client";
// A photo's alt text, credit and (right after an upload) default caption, edited where the editor
// is and saved to its media library record, so every story using the photo gets the fix. The form
// names the version it was filled from: a change saved meanwhile on another screen is never
// overwritten (the save is refused, naming who saved) and the current details can be loaded.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import type { CreditOptions } from "@/lib/media/library/library-queries";
import { CreditPickers } from "@/components/newsroom/media/credit-pickers";
import { useRecords } from "./editor-records";
import "./photos.css";

type Draft = { altText: string; defaultCaption: string; photographerId: string; agencyId: string; creditOverride: string };
type SaveState = { kind: "idle" | "saving" | "saved" | "error" | "conflict"; message?: string };

const draftOf = (media: PickerMedia): Draft => ({
  altText: media.altText,
  defaultCaption: media.defaultCaption,
  photographerId: media.photographerId ?? "",
  agencyId: media.agencyId ?? "",
  creditOverride: media.creditOverride ?? "",
});

function useCreditOptions(): CreditOptions | null {
  const { photos } = useRecords();
  const [options, setOptions] = useState<CreditOptions | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void photos.creditOptions().then((loaded) => isCurrent && setOptions(loaded));
    return () => {
      isCurrent = false;
    };
  }, [photos]);
  return options;
}

type FormProps = { media: PickerMedia; hasCaption?: boolean; submitLabel?: string; autoFocus?: boolean; onSaved?: (media: PickerMedia) => void; children?: ReactNode };

export function PhotoDetailsForm({ media, hasCaption = false, submitLabel = "Save to the media library", autoFocus = false, onSaved, children }: FormProps) {
  const { photos } = useRecords();
  const options = useCreditOptions();
  const [base, setBase] = useState(media);
  const [draft, setDraft] = useState(() => draftOf(media));
  const [isDirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const reset = (record: PickerMedia) => {
    setBase(record);
    setDraft(draftOf(record));
    setDirty(false);
  };
  // A newer record (saved here, or elsewhere and re-read) replaces an untouched form.
  if (media.id === base.id && media.version > base.version && !isDirty) reset(media);
  const isStale = media.id === base.id && media.version > base.version;

  const change = (next: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setDirty(true);
    setState({ kind: "idle" });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: "saving" });
    const result = await photos.saveDetails({
      id: base.id,
      version: base.version,
      altText: draft.altText,
      ...(hasCaption ? { defaultCaption: draft.defaultCaption } : {}),
      photographerId: draft.photographerId || null,
      agencyId: draft.agencyId || null,
      creditOverride: draft.creditOverride || null,
    });
    if (!result.ok) return setState({ kind: result.status === 409 ? "conflict" : "error", message: result.message });
    reset(result.data);
    setState({ kind: "saved", message: "Saved to the media library." });
    onSaved?.(result.data);
  };
  const loadCurrent = async () => {
    const [current] = await photos.read([base.id]);
    if (current) reset(current);
    setState({ kind: "idle" });
  };

  return (
    <form className="photo-details-form" onSubmit={save} aria-label={`Details of ${media.originalName}`}>
      <label className="field">
        <span>
          Alt text <span className="hint">What the picture shows, for readers who cannot see it. Required to publish.</span>
        </span>
        <textarea rows={2} maxLength={1000} value={draft.altText} data-photo-field="altText" autoFocus={autoFocus} onChange={(e) => change({ altText: e.target.value })} />
      </label>
      {hasCaption && (
        <label className="field">
          <span>
            Default caption <span className="hint">Used when a story gives no caption of its own.</span>
          </span>
          <textarea rows={2} maxLength={2000} value={draft.defaultCaption} onChange={(e) => change({ defaultCaption: e.target.value })} />
        </label>
      )}
      <div className="photo-credit-fields" data-photo-field="credit">
        {options ? (
          <CreditPickers key={`${base.id}:${base.version}`} options={options} photographerId={draft.photographerId} agencyId={draft.agencyId} onChange={change} />
        ) : (
          <p className="hint">Loading the photographers and agencies…</p>
        )}
        <label className="field">
          <span>
            Credit override <span className="hint">Only when the usual credit is wrong for this picture.</span>
          </span>
          <input maxLength={300} value={draft.creditOverride} onChange={(e) => change({ creditOverride: e.target.value })} />
        </label>
      </div>
      {isStale && state.kind !== "conflict" && <p className="node-warning">Someone saved this photo&apos;s details since you started typing; saving now will be refused.</p>}
      {state.kind === "saved" && (
        <p className="photo-saved" role="status">
          {state.message}
        </p>
      )}
      {(state.kind === "error" || state.kind === "conflict") && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="node-actions">
        <button type="submit" className="button-primary" disabled={state.kind === "saving"}>
          {state.kind === "saving" ? "Saving…" : submitLabel}
        </button>
        {(isStale || state.kind === "conflict") && (
          <button type="button" onClick={loadCurrent}>
            Load the current details
          </button>
        )}
        {children}
      </div>
    </form>
  );
}

// Under a hero or an in-body photo: its credit, what stops publishing, and the details to fix it
// (open from the start when something is missing).
export function PhotoDetailsPanel({ media }: { media: PickerMedia }) {
  const { photos } = useRecords();
  const panel = useRef<HTMLDetailsElement>(null);
  const hasProblems = media.hasProblems;
  useEffect(() => {
    if (hasProblems && panel.current) panel.current.open = true;
  }, [hasProblems]);
  return (
    <div className="photo-panel">
      <p className="node-credit">{media.credit ? `Credit: ${media.credit}` : "No credit on file."}</p>
      {hasProblems && <p className="node-warning">Stops publishing: {media.problems.join(", ").toLowerCase()}.</p>}
      {photos.canEdit ? (
        <details ref={panel} className="photo-details">
          <summary>
            Alt text and credit <span className="hint">(saved to the media library, for every story using this photo)</span>
          </summary>
          <PhotoDetailsForm media={media} />
        </details>
      ) : (
        <p className="hint">Editors can fix a photo&apos;s alt text and credit.</p>
      )}
    </div>
  );
}
