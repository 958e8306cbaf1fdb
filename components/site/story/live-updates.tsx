"use client";
// Keeps a live story's page up to date without a reload: Server-Sent Events from …/events (the
// browser resumes with Last-Event-ID after a drop), else polling …/changes at the pollAfterMs the
// server asks for. Each batch of changes is applied in place (live-dom.ts) with entry HTML taken
// from a fresh server render of this same page, never built here. New entries wait behind a
// "N new updates" button while the reader is further down the page. Everything it knows comes
// from the page's own markup and public endpoints, so the cached page stays the same for all.
import { useEffect, useRef, useState } from "react";
import type { LiveChanges, LiveChangeView } from "@/lib/live/queries";
import { applyChanges, revealHeld, type HeldEntries } from "./live-dom";

type Props = { path: string; cursor: number; isEnded: boolean };

const BATCH_MS = 150;
const FALLBACK_POLL_MS = 5000;

async function freshPage(path: string): Promise<Document | null> {
  const response = await fetch(path, { cache: "no-store", headers: { accept: "text/html" } });
  if (!response.ok) return null;
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

// The reader is reading below the top of the list: new entries must not push the text down.
function isReadingBelow(section: Element): boolean {
  const list = section.querySelector(".live-entries");
  return Boolean(list && list.getBoundingClientRect().top < 0);
}

function follow(path: string, from: number, onChanges: (changes: LiveChangeView[]) => Promise<boolean>): () => void {
  let cursor = from;
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | null = null;
  let batch: LiveChangeView[] = [];
  const flush = () => {
    const changes = batch;
    batch = [];
    void onChanges(changes).then((hasEnded) => hasEnded && stop());
  };
  const poll = async () => {
    let wait = FALLBACK_POLL_MS;
    try {
      const response = await fetch(`${path}/changes?cursor=${cursor}`, { cache: "no-store" });
      if (response.status === 404) return stop();
      if (response.ok) {
        const read = (await response.json()) as LiveChanges;
        cursor = read.cursor;
        wait = read.hasMore ? 0 : read.pollAfterMs;
        if (read.changes.length && (await onChanges(read.changes))) return stop();
      }
    } catch {
      // Offline for a moment: ask again later.
    }
    if (!isStopped) timer = setTimeout(() => void poll(), wait);
  };
  const stop = () => {
    isStopped = true;
    source?.close();
    clearTimeout(timer);
  };
  if (typeof EventSource === "function") {
    source = new EventSource(`${path}/events?cursor=${cursor}`);
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as LiveChangeView;
      cursor = Math.max(cursor, change.seq);
      batch.push(change);
      clearTimeout(timer);
      timer = setTimeout(flush, BATCH_MS);
    });
    source.addEventListener("end", stop);
    // A stream the browser gave up on (an error answer, a proxy that refuses streams): poll.
    source.addEventListener("error", () => {
      if (source?.readyState !== EventSource.CLOSED || isStopped) return;
      source = null;
      void poll();
    });
  } else void poll();
  return stop;
}

export function LiveUpdates({ path, cursor, isEnded }: Props) {
  const anchor = useRef<HTMLDivElement>(null);
  const held = useRef<HeldEntries>(new Map());
  const [heldCount, setHeldCount] = useState(0);

  useEffect(() => {
    const section = anchor.current?.closest("section.live");
    if (!section || isEnded) return;
    // One batch at a time, in order: a later batch's fresher HTML is never undone by an earlier one.
    let applying = Promise.resolve(false);
    const apply = async (changes: LiveChangeView[]) => {
      const needsHtml = changes.some((change) => change.type !== "tombstone");
      const fresh = needsHtml ? await freshPage(path).catch(() => null) : null;
      const hasEnded = applyChanges(section, changes, fresh, isReadingBelow(section), held.current);
      setHeldCount(held.current.size);
      return hasEnded;
    };
    return follow(path, cursor, (changes) => (applying = applying.then(() => apply(changes)).catch(() => false)));
  }, [path, cursor, isEnded]);

  const reveal = () => {
    const section = anchor.current?.closest("section.live");
    if (!section) return;
    revealHeld(section, held.current);
    setHeldCount(0);
    section.querySelector(".live-entries")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div ref={anchor} className="live-updates" aria-live="polite">
      {heldCount > 0 && (
        <button type="button" className="live-new-updates" onClick={reveal}>
          {heldCount === 1 ? "1 new update" : `${heldCount} new updates`}
        </button>
      )}
    </div>
  );
}
