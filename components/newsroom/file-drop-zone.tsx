"use client";
// A drop target for files that also works without dragging: a "choose files" button opens the
// (visually hidden, labelled) file input. Used by the media library's uploads and the Wire screen.
import { useRef, useState, type DragEvent, type ReactNode } from "react";

type Props = { title: string; hint: ReactNode; accept: string; inputLabel: string; onFiles: (files: FileList) => void };

export function FileDropZone({ title, hint, accept, inputLabel, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length) onFiles(event.dataTransfer.files);
  }

  return (
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
        <strong>{title}</strong> or{" "}
        <button type="button" className="link-button" onClick={() => input.current?.click()}>
          choose files
        </button>
      </p>
      <p className="hint">{hint}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        aria-label={inputLabel}
        onChange={(event) => {
          if (event.target.files?.length) onFiles(event.target.files);
          event.target.value = "";
        }}
      />
    </div>
  );
}
