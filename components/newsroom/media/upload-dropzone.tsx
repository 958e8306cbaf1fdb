"use client";
// Drop pictures here or pick them (one or many); each uploads with its own progress and message.
// Used on the library screen and in the editor's photo picker.
import { useRef, useState, type DragEvent } from "react";
import type { LibraryItem } from "@/lib/media/library/library-item";
import { DEFAULT_MEDIA_LIMITS } from "@/lib/media/file/limits";
import { UploadList } from "./upload-list";
import { useUploadQueue } from "./use-upload-queue";
import "./media.css";

// What the file picker offers; the server still decides from each file's content.
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,.jpg,.jpeg,.png,.webp,.avif";

// maxBytes: the server's MEDIA_MAX_BYTES, so a larger file is refused before it is sent (the server
// checks again). isCompact: inside a dialog, without links that would leave the page.
type Props = { maxBytes?: number; onAdded?: (item: LibraryItem) => void; isCompact?: boolean };

export function UploadDropzone({ maxBytes = DEFAULT_MEDIA_LIMITS.maxBytes, onAdded, isCompact = false }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);
  const { files, add, clearFinished, isBusy } = useUploadQueue(maxBytes, onAdded);

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length) add(event.dataTransfer.files);
  }

  return (
    <div className={`upload${isCompact ? " upload--compact" : ""}`}>
      <div
        className={`dropzone${isOver ? " dropzone--over" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={handleDrop}
      >
        <p>
          <strong>Drop photos here</strong> or{" "}
          <button type="button" className="link-button" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <p className="hint">JPEG, PNG, WebP or AVIF, up to {Math.round(maxBytes / 1024 / 1024)} MB each. Credit and caption are read from agency files.</p>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          aria-label="Choose photos to upload"
          onChange={(event) => {
            if (event.target.files?.length) add(event.target.files);
            event.target.value = "";
          }}
        />
      </div>
      <UploadList files={files} hasLinks={!isCompact} />
      {files.length > 0 && !isBusy && (
        <button type="button" className="link-button" onClick={clearFinished}>
          Clear the list
        </button>
      )}
    </div>
  );
}
