"use client";
// "Move to trash" in the editor: saves what is unsaved first (so the trash keeps the last words),
// then deletes with the version the editor holds, and goes to the Trash view. A published or
// scheduled story is refused by the server with what to do instead; that message shows here.
import { useState } from "react";
import { TRASH_DAYS, TRASHABLE_STATUSES } from "@/lib/articles/trash/trash-rules";
import type { EditorActions } from "./types";

type Props = {
  articleId: string;
  status: string;
  version: () => number;
  // Saves pending changes; false when they could not be saved.
  flush: () => Promise<boolean>;
  remove: EditorActions["deleteStory"];
};

export function TrashButton({ articleId, status, version, flush, remove }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const moveToTrash = async () => {
    if (TRASHABLE_STATUSES.includes(status) && !window.confirm(`Move this story to the trash? It can be restored for ${TRASH_DAYS} days.`)) return;
    setBusy(true);
    setMessage(null);
    if (!(await flush())) {
      setBusy(false);
      return setMessage("Your latest changes are not saved yet: save them (or resolve the conflict) first.");
    }
    const result = await remove({ articleId, expectedVersion: version() });
    if (result.ok) return window.location.assign(`/newsroom/stories?view=trash&trashed=${encodeURIComponent(articleId)}`);
    setBusy(false);
    setMessage(result.message);
  };

  return (
    <div className="trash-control">
      <button type="button" className="button-danger" disabled={isBusy} onClick={() => void moveToTrash()}>
        {isBusy ? "Moving to trash…" : "Move to trash"}
      </button>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
    </div>
  );
}
