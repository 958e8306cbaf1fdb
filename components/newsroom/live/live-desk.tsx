"use client";
// The live desk: the composer on top (it keeps the focus), the score one click away, the coverage
// form for the desk, and every entry below (pinned first, then newest first). Other reporters'
// entries arrive by polling the staff read every few seconds; the composer and an entry being
// edited keep what is typed in them.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LiveDesk as Desk } from "@/lib/live/desk-queries";
import { EntryComposer } from "./entry-composer";
import { EntryItem } from "./entry-item";
import { ScoreBar } from "./score-bar";
import { CoveragePanel } from "./coverage-panel";
import { scoreDraftOf } from "./score-fields";
import { STATUS_LABELS, type LiveDeskActions } from "./types";
import "./live.css";

const POLL_MS = 4000;

export function LiveDesk({ initial, actions }: { initial: Desk; actions: LiveDeskActions }) {
  const [desk, setDesk] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const reading = useRef(false);

  const refresh = useCallback(async () => {
    if (reading.current) return;
    reading.current = true;
    const result = await actions.read(initial.articleId).catch(() => null);
    reading.current = false;
    if (!result) return setPollError("The desk could not reach the server; it keeps trying.");
    if (!result.ok) return setPollError(result.message);
    setPollError(null);
    setDesk(result.data);
  }, [actions, initial.articleId]);

  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  // The newest entry (by time) that carries a score.
  const currentScore = useMemo(() => {
    const scored = desk.entries.filter((entry) => !entry.deletedAt && entry.homeScore !== null).sort((a, b) => b.postedAt.localeCompare(a.postedAt));
    return scoreDraftOf(scored[0]);
  }, [desk.entries]);

  const coverage = desk.coverage;
  if (!coverage) return null;
  return (
    <div className="live-desk">
      <header className="live-desk-header">
        <h1>
          Live desk: <a href={`/newsroom/stories/${desk.articleId}`}>{desk.headline || "Untitled story"}</a>
        </h1>
        <p>
          <span className={`live-status live-status--${coverage.status.toLowerCase()}`}>{STATUS_LABELS[coverage.status] ?? coverage.status}</span>
          {desk.storyStatus !== "PUBLISHED" && " · readers see nothing until the story is published"}
          {desk.href && desk.storyStatus === "PUBLISHED" && (
            <>
              {" · "}
              <a href={desk.href} target="_blank" rel="noreferrer">
                Reader page
              </a>
            </>
          )}
        </p>
      </header>
      {desk.canPost && coverage.status !== "ENDED" && <EntryComposer articleId={desk.articleId} currentScore={currentScore} post={actions.post} search={actions.search} onPosted={refresh} />}
      {coverage.status === "ENDED" && <p className="live-ended">This coverage has ended. {desk.canManage && "Set it live again below to post more."}</p>}
      {desk.canPost && coverage.status !== "ENDED" && <ScoreBar articleId={desk.articleId} match={coverage.match} score={currentScore} postScore={actions.postScore} onPosted={refresh} />}
      {desk.canManage && <CoveragePanel coverage={coverage} update={actions.updateCoverage} onSaved={refresh} />}
      {pollError && (
        <p role="alert" className="live-error">
          {pollError}
        </p>
      )}
      <h2 id="live-entries-heading">Entries ({desk.entries.filter((entry) => !entry.deletedAt).length})</h2>
      <ol className="live-entries" aria-labelledby="live-entries-heading">
        {desk.entries.map((entry) => (
          <EntryItem key={entry.id} entry={entry} canManage={desk.canManage} canPromote={desk.canPromote} actions={actions} onChanged={refresh} />
        ))}
      </ol>
    </div>
  );
}
