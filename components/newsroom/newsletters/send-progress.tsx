"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { EditionProgress } from "@/lib/newsletters/sending/progress";

const REFRESH_MS = 3000;

// How a SENDING (or SENT) edition's deliveries stand, read from the progress route and refreshed
// while it sends; when the last delivery is final the page is refreshed (the edition is SENT).
export function SendProgress({ editionId, isSending }: { editionId: string; isSending: boolean }) {
  const router = useRouter();
  const [progress, setProgress] = useState<EditionProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const response = await fetch(`/api/newsroom/editions/${encodeURIComponent(editionId)}/progress`, { cache: "no-store" });
        const body = (await response.json()) as EditionProgress & { error?: string };
        if (stopped) return;
        if (!response.ok) throw new Error(body.error ?? `The progress could not be read (${response.status}).`);
        setProgress(body);
        setProblem(null);
        if (isSending && body.status !== "SENDING") return router.refresh();
      } catch (error) {
        if (!stopped) setProblem(error instanceof Error ? error.message : "The progress could not be read.");
      }
      if (isSending && !stopped) timer = setTimeout(load, REFRESH_MS);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [editionId, isSending, router]);

  if (problem)
    return (
      <p className="form-error" role="alert">
        {problem}
      </p>
    );
  if (!progress) return <p className="muted">Reading the progress…</p>;
  const { counts } = progress;
  const done = counts.total - counts.queued - counts.sending;
  return (
    <div aria-live="polite">
      <p>{progress.status === "SENDING" ? `Sending: ${done} of ${counts.total} done.` : `Sent to ${counts.sent} of ${counts.total} subscriber(s).`}</p>
      <progress max={Math.max(1, counts.total)} value={done} />
      <dl className="send-counts">
        <dt>Sent</dt>
        <dd>{counts.sent}</dd>
        <dt>Queued</dt>
        <dd>{counts.queued + counts.sending}</dd>
        <dt>Failed</dt>
        <dd>{counts.failed}</dd>
        <dt>Bounced</dt>
        <dd>{counts.bounced}</dd>
        <dt>Skipped (left since)</dt>
        <dd>{counts.skipped}</dd>
        {counts.interrupted > 0 && (
          <>
            <dt>Interrupted</dt>
            <dd title="The sender stopped during these messages; they may have been delivered and were not sent again, so nobody gets two copies.">{counts.interrupted}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
