// The Server-Sent Events stream of one live coverage (GET …/<slug>/events). Each change goes out
// as its own event with `id: <seq>`, so a browser that reconnects sends Last-Event-ID and resumes
// exactly after the last change it got. The stream reads the change log (getLiveChanges) whenever
// the bus says something was committed (lib/live/bus.ts) and on a timer in case a notice was
// missed; reads never overlap, and a notice during a read makes one more read after it. A comment
// line every HEARTBEAT_MS keeps proxies from closing a quiet connection. When the coverage ends,
// or stops being public, the stream says `event: end` and closes (the browser must then stop
// reconnecting); a client that goes away, or reads so slowly that MAX_QUEUED events pile up,
// is let go and stops listening.
import "server-only";
import { liveBus } from "./bus";
import { registerLiveStream } from "./open-streams";
import { getLiveChanges } from "./page";
import type { LiveChangeView } from "./queries";

export const HEARTBEAT_MS = 15_000;
const MAX_QUEUED = 1_000;

export type LiveStreamOptions = {
  articleId: string;
  cursor: number;
  // Whether the coverage has already ended when the stream opens.
  isEnded: boolean;
  signal: AbortSignal;
  heartbeatMs?: number;
  // How long to tell the browser to wait before reconnecting (EventSource's `retry:`).
  retryMs: number;
};

const encoder = new TextEncoder();

export function changeEvent(change: LiveChangeView): string {
  return `id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`;
}

export function liveEventStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  let cursor = options.cursor;
  let isEnded = options.isEnded;
  let isClosed = false;
  let isReading = false;
  let isReadAgain = false;
  let stopListening = () => {};
  let unregister = () => {};
  let timer: ReturnType<typeof setInterval> | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        stopListening();
        unregister();
        clearInterval(timer);
        options.signal.removeEventListener("abort", close);
        controller.close();
      };
      const send = (text: string) => {
        if (isClosed) return;
        controller.enqueue(encoder.encode(text));
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED) close();
      };
      const end = () => {
        send(`event: end\ndata: {}\n\n`);
        close();
      };
      // Sends everything after the cursor, page by page; ends the stream when the coverage ended.
      const readChanges = async () => {
        if (isReading) {
          isReadAgain = true;
          return;
        }
        isReading = true;
        try {
          do {
            isReadAgain = false;
            const read = await getLiveChanges(options.articleId, cursor);
            if (isClosed) return;
            if (!read) return end();
            for (const change of read.changes) {
              send(changeEvent(change));
              if (change.type === "coverage") isEnded = change.coverage.status === "ENDED";
            }
            cursor = read.cursor;
            if (read.hasMore) isReadAgain = true;
          } while (isReadAgain && !isClosed);
          if (isEnded) end();
        } catch (error) {
          console.error("[live] stream read failed; the browser will reconnect", error);
          close();
        } finally {
          isReading = false;
        }
      };
      options.signal.addEventListener("abort", close);
      if (options.signal.aborted) return close();
      unregister = registerLiveStream(close);
      // Listening starts before the first read, so nothing committed in between is missed.
      stopListening = liveBus.subscribe(options.articleId, () => void readChanges());
      timer = setInterval(() => {
        send(": heartbeat\n\n");
        void readChanges();
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      send(`retry: ${options.retryMs}\n\n`);
      void readChanges();
    },
    cancel() {
      isClosed = true;
      stopListening();
      unregister();
      clearInterval(timer);
    },
  });
}
