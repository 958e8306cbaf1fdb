"use client";
// One line per file being uploaded: its progress, then what became of it.
import type { QueuedFile } from "./use-upload-queue";

function Outcome({ file, hasLinks }: { file: QueuedFile; hasLinks: boolean }) {
  const outcome = file.outcome;
  if (!outcome) return <span className="upload-state">{file.state === "processing" ? "Processing…" : file.state === "waiting" ? "Waiting…" : `${Math.round(file.progress * 100)}%`}</span>;
  if (outcome.kind === "added") {
    const needs = outcome.item.problems.length ? ` Needs: ${outcome.item.problems.join(", ").toLowerCase()}.` : "";
    return (
      <span className="upload-state upload-state--ok" role="status">
        Added.{needs} {hasLinks ? <a href={`/newsroom/media/${outcome.item.id}`}>Edit details</a> : "It is first in the list below."}
      </span>
    );
  }
  if (outcome.kind === "duplicate") {
    return (
      <span className="upload-state upload-state--warning" role="status">
        {outcome.message} {hasLinks && outcome.mediaId && <a href={`/newsroom/media/${outcome.mediaId}`}>Open it</a>}
      </span>
    );
  }
  return (
    <span className="upload-state upload-state--error" role="alert">
      {outcome.message}
    </span>
  );
}

export function UploadList({ files, hasLinks }: { files: QueuedFile[]; hasLinks: boolean }) {
  if (!files.length) return null;
  return (
    <ul className="upload-list" aria-label="Uploads">
      {files.map((file) => (
        <li key={file.key} className="upload-item">
          <span className="upload-name">{file.name}</span>
          {file.state === "done" ? <span aria-hidden="true" /> : <progress max={1} value={file.state === "sending" ? file.progress : undefined} aria-label={`Upload of ${file.name}`} />}
          <Outcome file={file} hasLinks={hasLinks} />
        </li>
      ))}
    </ul>
  );
}
