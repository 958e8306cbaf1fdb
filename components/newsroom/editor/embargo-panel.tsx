"use client";
// The story's embargo, beside the publish and schedule controls: "Embargoed until …" while one is
// in force, a time field to set or extend it (anyone who may edit the story), and "Lift embargo
// early" with a required reason for those allowed to (admins). The server decides every rule
// (lib/articles/embargo/embargo-commands.ts); this only shows its answer, tied to the field.
import { useId, useState } from "react";
import { LocalTime } from "./local-time";
import type { EditorActions } from "./types";

type Props = {
  articleId: string;
  status: string;
  embargoUntil: string | null;
  canEdit: boolean;
  canLift: boolean;
  actions: Pick<EditorActions, "setEmbargo" | "liftEmbargo">;
  version: () => number;
  // Saves what is in the editor first; false when that failed.
  saveFirst: () => Promise<boolean>;
  onChanged: (version: number, embargoUntil: string | null) => void;
};

export function EmbargoPanel({ articleId, status, embargoUntil, canEdit, canLift, actions, version, saveFirst, onChanged }: Props) {
  const id = useId();
  const [when, setWhen] = useState("");
  const [reason, setReason] = useState("");
  const [isLifting, setLifting] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: "when" | "reason"; message: string } | null>(null);
  // When the editor opened: an embargo that passes while it is open is still shown (the server decides).
  const [openedAt] = useState(() => Date.now());
  const isInForce = embargoUntil !== null && new Date(embargoUntil).getTime() > openedAt;
  const canSet = canEdit && status !== "PUBLISHED";
  if (!isInForce && !canSet) return null;

  const run = async (field: "when" | "reason", work: () => ReturnType<EditorActions["setEmbargo"]>) => {
    setBusy(true);
    setError(null);
    try {
      if (!(await saveFirst())) return;
      const result = await work();
      if (!result.ok) return setError({ field, message: result.message });
      onChanged(result.data.version, result.data.embargoUntil);
      setWhen("");
      setReason("");
      setLifting(false);
    } finally {
      setBusy(false);
    }
  };
  const set = () => run("when", () => actions.setEmbargo({ articleId, expectedVersion: version(), embargoUntil: new Date(when).toISOString() }));
  const lift = () => run("reason", () => actions.liftEmbargo({ articleId, expectedVersion: version(), reason }));

  return (
    <section className="embargo-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Embargo
      </h2>
      {isInForce && (
        <p className="embargo-banner" role="status">
          <strong>
            Embargoed until <LocalTime iso={embargoUntil} />
          </strong>
          : readers see nothing of this story before then. Schedule it for that time or later.
        </p>
      )}
      {canSet && (
        <span className="embargo-control">
          <label htmlFor={`${id}-when`}>{isInForce ? "Extend embargo to" : "Embargo until"}</label>
          <input
            id={`${id}-when`}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            aria-invalid={error?.field === "when" || undefined}
            aria-describedby={error?.field === "when" ? `${id}-error` : undefined}
          />
          <button type="button" disabled={!when || isBusy} onClick={() => void set()}>
            Set embargo
          </button>
        </span>
      )}
      {isInForce && canLift && !isLifting && (
        <button type="button" onClick={() => setLifting(true)}>
          Lift embargo early
        </button>
      )}
      {isInForce && canLift && isLifting && (
        <span className="embargo-lift">
          <label htmlFor={`${id}-reason`}>Reason for lifting the embargo early (kept in the audit log)</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            required
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error?.field === "reason" || undefined}
            aria-describedby={error?.field === "reason" ? `${id}-error` : undefined}
          />
          <button type="button" disabled={!reason.trim() || isBusy} onClick={() => void lift()}>
            Lift embargo
          </button>
          <button type="button" onClick={() => setLifting(false)}>
            Cancel
          </button>
        </span>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
