"use client";
// Where the story is in its life, and the steps this person may take from there.
import { useState } from "react";
import { canStepFrom, type WorkflowStep } from "@/lib/articles/workflow-steps";
import { LocalTime } from "./local-time";
import type { EditorPermissions, SaveState } from "./types";

type Props = {
  status: string;
  publishAt: string | null;
  saveState: SaveState;
  permissions: EditorPermissions;
  others: string[];
  onStep: (step: WorkflowStep, publishAt?: string) => void;
  onSave: () => void;
  onPreview: () => void;
  onHistory: () => void;
};

const STATE_LABEL: Record<SaveState, string> = { saved: "All changes saved", saving: "Saving…", unsaved: "Unsaved changes", conflict: "Not saved: someone else saved first", error: "Not saved" };

// What this person may do, per step (the page works it out with lib/permissions.ts).
const STEP_PERMISSION: Record<WorkflowStep, keyof EditorPermissions> = {
  submit: "canEdit",
  publish: "canPublish",
  schedule: "canSchedule",
  unpublish: "canUnpublish",
  returnToDraft: "canPublish",
};

export function WorkflowBar({ status, publishAt, saveState, permissions, others, onStep, onSave, onPreview, onHistory }: Props) {
  const [when, setWhen] = useState("");
  const can = (step: WorkflowStep) => permissions[STEP_PERMISSION[step]] && canStepFrom(step, status);
  return (
    <div className="workflow-bar">
      <p className="workflow-status">
        <span className={`badge badge--${status.toLowerCase()}`}>{status.replace("_", " ").toLowerCase()}</span>
        {status === "SCHEDULED" && publishAt && (
          <>
            {" "}
            for <LocalTime iso={publishAt} />
          </>
        )}
        <span className={`save-state save-state--${saveState}`} role="status" aria-live="polite">
          {STATE_LABEL[saveState]}
        </span>
      </p>
      {others.length > 0 && (
        <p className="presence" role="status">
          {others.join(", ")} {others.length > 1 ? "are" : "is"} editing this story
        </p>
      )}
      <div className="workflow-actions">
        {permissions.canEdit && (
          <button type="button" onClick={onSave}>
            Save
          </button>
        )}
        <button type="button" onClick={onPreview}>
          Preview link
        </button>
        <button type="button" onClick={onHistory}>
          History
        </button>
        {can("submit") && (
          <button type="button" onClick={() => onStep("submit")}>
            Submit for review
          </button>
        )}
        {can("returnToDraft") && (
          <button type="button" onClick={() => onStep("returnToDraft")}>
            Back to draft
          </button>
        )}
        {can("unpublish") && (
          <button type="button" onClick={() => onStep("unpublish")}>
            Unpublish
          </button>
        )}
        {can("schedule") && (
          <span className="schedule-control">
            <label>
              <span className="visually-hidden">Publish at</span>
              <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
            </label>
            <button type="button" disabled={!when} onClick={() => onStep("schedule", new Date(when).toISOString())}>
              Schedule
            </button>
          </span>
        )}
        {can("publish") && (
          <button type="button" className="button-primary" onClick={() => onStep("publish")}>
            Publish now
          </button>
        )}
      </div>
    </div>
  );
}
