// A story's live coverage below its body: status, the match, key points and the entries (pinned
// first, then newest first), complete in the server HTML so it reads without JavaScript. The list
// carries the cursor its entries were read at; the live updater (when there is one) follows
// changes from there. Nothing here depends on who is reading, so the page stays cacheable.
import type { LivePage } from "@/lib/live/page";
import type { LiveMatchView } from "@/lib/live/views";
import { formatDateTime } from "@/lib/format-date";
import { LiveEntry } from "./live-entry";
import { LiveUpdates } from "./live-updates";

const STATUS_LABELS: Record<string, string> = { UPCOMING: "Coming up", LIVE: "Live", ENDED: "Ended" };

function MatchLine({ match }: { match: LiveMatchView }) {
  const details = [match.competition, match.venue].filter(Boolean).join(", ");
  return (
    <p className="live-match">
      <strong>
        {match.home} v {match.away}
      </strong>
      {details && ` · ${details}`}
      {match.kickoff && (
        <>
          {" · Kick-off "}
          <time dateTime={match.kickoff}>{formatDateTime(match.kickoff)}</time>
        </>
      )}
    </p>
  );
}

export function LiveCoverage({ live, articlePath }: { live: LivePage; articlePath: string }) {
  const { coverage, entries, records, cursor } = live;
  const status = coverage.status.toLowerCase();
  return (
    <section className={`live live--${status}`} aria-label="Live coverage" data-live-path={articlePath} data-live-cursor={cursor} data-live-status={coverage.status}>
      <p className={`live-status live-status--${status}`}>{STATUS_LABELS[coverage.status] ?? coverage.status}</p>
      {coverage.match && <MatchLine match={coverage.match} />}
      {coverage.keyPoints.length > 0 && (
        <div className="live-key-points">
          <h2>Key points</h2>
          <ul>
            {coverage.keyPoints.map((point, index) => (
              <li key={index}>{point}</li>
            ))}
          </ul>
        </div>
      )}
      <LiveUpdates path={articlePath} cursor={cursor} isEnded={coverage.status === "ENDED"} />
      <p className="live-empty" hidden={entries.length > 0}>
        No updates yet.
      </p>
      <ol className="live-entries">
        {entries.map((entry) => (
          <LiveEntry key={entry.id} entry={entry} records={records} />
        ))}
      </ol>
    </section>
  );
}
