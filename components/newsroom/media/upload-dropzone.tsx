"use client";
// Drop pictures here or pick them (one or many); each uploads with its own progress and message.
// Used on the library screen and in the editor's photo picker.
import { FileDropZone } from "../file-drop-zone";
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
  const { files, add, clearFinished, isBusy } = useUploadQueue(maxBytes, onAdded);

  return (
    <div className={`upload${isCompact ? " upload--compact" : ""}`}>
      <FileDropZone
        title="Drop photos here"
        hint={`JPEG, PNG, WebP or AVIF, up to ${Math.round(maxBytes / 1024 / 1024)} MB each. Credit and caption are read from agency files.`}
        accept={ACCEPT}
        inputLabel="Choose photos to upload"
        onFiles={add}
      />
      <UploadList files={files} hasLinks={!isCompact} />
      {files.length > 0 && !isBusy && (
        <button type="button" className="link-button" onClick={clearFinished}>
          Clear the list
        </button>
      )}
    </div>
  );
}
