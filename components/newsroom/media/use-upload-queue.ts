"use client";
// The files a person dropped or picked, uploaded two at a time, each with its own progress and
// outcome. Files over the size limit are refused here without being sent.
import { useCallback, useRef, useState } from "react";
import type { LibraryItem } from "@/lib/media/library/library-item";
import { sendUpload, type UploadOutcome } from "./upload-request";

export type QueuedFile = {
  key: string;
  name: string;
  size: number;
  // 0–1 while sending; 1 while the server processes the picture.
  progress: number;
  state: "waiting" | "sending" | "processing" | "done";
  outcome: UploadOutcome | null;
};

const PARALLEL_UPLOADS = 2;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function useUploadQueue(maxBytes: number, onAdded?: (item: LibraryItem) => void) {
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const pending = useRef<{ key: string; file: File }[]>([]);
  const running = useRef(0);
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<QueuedFile>) => {
    setFiles((current) => current.map((file) => (file.key === key ? { ...file, ...change } : file)));
  }, []);

  // Starts waiting uploads while fewer than PARALLEL_UPLOADS run; each finished one starts the next.
  const pump = useCallback(() => {
    const startWaiting = () => {
      while (running.current < PARALLEL_UPLOADS && pending.current.length) {
        const { key, file } = pending.current.shift()!;
        running.current += 1;
        patch(key, { state: "sending" });
        sendUpload(file, (progress) => patch(key, progress < 1 ? { progress } : { progress: 1, state: "processing" })).then((outcome) => {
          running.current -= 1;
          patch(key, { state: "done", progress: 1, outcome });
          if (outcome.kind === "added") onAdded?.(outcome.item);
          startWaiting();
        });
      }
    };
    startWaiting();
  }, [onAdded, patch]);

  const add = useCallback(
    (picked: FileList | File[]) => {
      const entries = Array.from(picked).map((file) => ({ key: `upload-${(counter.current += 1)}`, file }));
      const tooBig = (file: File) => file.size > maxBytes;
      setFiles((current) => [
        ...entries.map(({ key, file }): QueuedFile => ({
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          state: tooBig(file) ? "done" : "waiting",
          outcome: tooBig(file) ? { kind: "refused", status: 413, message: `The file is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}.` } : null,
        })),
        ...current,
      ]);
      pending.current.push(...entries.filter(({ file }) => !tooBig(file)));
      pump();
    },
    [maxBytes, pump],
  );

  const clearFinished = useCallback(() => setFiles((current) => current.filter((file) => file.state !== "done")), []);
  const isBusy = files.some((file) => file.state !== "done");
  return { files, add, clearFinished, isBusy };
}
