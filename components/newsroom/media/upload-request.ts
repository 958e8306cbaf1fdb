// Sends one file to POST /api/media/uploads with XMLHttpRequest (fetch cannot report upload
// progress) and turns every answer, network failures included, into an outcome to show.
import type { LibraryItem } from "@/lib/media/library/library-item";

export const UPLOAD_URL = "/api/media/uploads";

export type UploadOutcome = { kind: "added"; item: LibraryItem } | { kind: "duplicate"; message: string; mediaId: string | null } | { kind: "refused"; message: string; status: number };

type Answer = { media?: LibraryItem; error?: string; details?: { mediaId?: string } };

function parse(text: string): Answer {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return {};
  }
}

function outcomeOf(status: number, answer: Answer): UploadOutcome {
  if (status === 201 && answer.media) return { kind: "added", item: answer.media };
  if (status === 409) return { kind: "duplicate", message: answer.error ?? "Already in the library.", mediaId: answer.details?.mediaId ?? null };
  if (status === 401) return { kind: "refused", status, message: "Your session has ended. Sign in again, then upload the file again." };
  const message = answer.error ?? (status === 0 ? "The connection was lost; try again." : `The server answered ${status}; try again.`);
  return { kind: "refused", status, message };
}

// onProgress gets 0–1 while the bytes go up; the promise settles once the server has processed them.
export function sendUpload(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const form = new FormData();
    form.set("file", file, file.name);
    request.open("POST", UPLOAD_URL);
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve(outcomeOf(request.status, parse(request.responseText)));
    request.onerror = () => resolve(outcomeOf(0, {}));
    request.onabort = () => resolve({ kind: "refused", status: 0, message: "Cancelled." });
    signal?.addEventListener("abort", () => request.abort());
    request.send(form);
  });
}
