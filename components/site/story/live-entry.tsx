// One live entry as readers see it: its anchor (`#entry-<id>`, the entry's permalink), time, type,
// score snapshot, authors and body. The body goes through the story body's own renderer, with the
// records the live page loaded by id. The live updater (live-updates.tsx) takes these elements
// from a server-rendered copy of the page, so this is the only place an entry's HTML is made.
import type { BodyRecords } from "@/lib/editor/body-records";
import type { LiveEntryView } from "@/lib/live/views";
import { formatTime } from "@/lib/format-date";
import { entryAnchor } from "@/lib/live/headline";
import { renderStoryBody } from "./story-body";

const TYPE_LABELS: Record<string, string> = {
  GOAL: "Goal",
  CARD: "Card",
  SUBSTITUTION: "Substitution",
  PERIOD_START: "Period start",
  PERIOD_END: "Period end",
  SUMMARY: "Summary",
  OTHER: "Other",
};

function EntryScore({ entry }: { entry: LiveEntryView }) {
  const hasScore = entry.homeScore !== null && entry.awayScore !== null;
  if (!hasScore && !entry.minuteOrPeriod) return null;
  return (
    <span className="live-entry-score">
      {hasScore && (
        <span aria-label={`Score ${entry.homeScore} to ${entry.awayScore}`}>
          {entry.homeScore}–{entry.awayScore}
        </span>
      )}
      {hasScore && entry.minuteOrPeriod && " "}
      {entry.minuteOrPeriod && <span className="live-entry-minute">{entry.minuteOrPeriod}</span>}
    </span>
  );
}

function EntryAuthors({ authors }: { authors: LiveEntryView["authors"] }) {
  if (authors.length === 0) return null;
  return (
    <p className="live-entry-authors">
      {authors.map((author, index) => (
        <span key={author.id}>
          {index > 0 && ", "}
          <a rel="author" href={`/author/${author.slug}`}>
            {author.name}
          </a>
        </span>
      ))}
    </p>
  );
}

export function LiveEntry({ entry, records }: { entry: LiveEntryView; records: BodyRecords }) {
  const anchor = entryAnchor(entry.id);
  const label = TYPE_LABELS[entry.type];
  const className = ["live-entry", entry.pinned && "live-entry--pinned", entry.keyEvent && "live-entry--key", label && `live-entry--${entry.type.toLowerCase()}`].filter(Boolean).join(" ");
  return (
    <li id={anchor} className={className} data-entry-id={entry.id} data-pinned={entry.pinned ? "true" : undefined} data-posted-at={entry.postedAt}>
      <header className="live-entry-head">
        <a className="live-entry-time" href={`#${anchor}`}>
          <time dateTime={entry.postedAt}>{formatTime(entry.postedAt)}</time>
        </a>
        {entry.pinned && <span className="live-entry-flag">Pinned</span>}
        {label && <span className="live-entry-type">{label}</span>}
        {entry.keyEvent && <span className="live-entry-flag">Key event</span>}
        <EntryScore entry={entry} />
      </header>
      <div className="live-entry-body">{renderStoryBody(entry.body, records, `live entry ${entry.id}`)}</div>
      <EntryAuthors authors={entry.authors} />
    </li>
  );
}
