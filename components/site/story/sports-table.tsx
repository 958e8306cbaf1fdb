// What every sports block on the reader site shares: a table in a box that scrolls sideways inside
// itself on a narrow screen (never the page), labelled by its caption so a keyboard or screen-reader
// user can reach and scroll it; the status words; and the "as of" line for data that is live.
import { useId, type ReactNode } from "react";
import { formatDate, formatDateTime, formatTime } from "@/lib/format-date";
import type { EventStatusName, ParticipantView, SportsEventView } from "@/lib/sports/blocks/views";

export function SportsTable({ kind, caption, children, footer }: { kind: string; caption: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const captionId = useId();
  return (
    <figure className={`sports-block sports-${kind}`}>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="sports-table">
          <caption id={captionId}>{caption}</caption>
          {children}
        </table>
      </div>
      {footer ? <figcaption className="sports-meta">{footer}</figcaption> : null}
    </figure>
  );
}

const STATUS_WORDS: Record<EventStatusName, string> = { SCHEDULED: "Scheduled", LIVE: "Live", FINAL: "Final", POSTPONED: "Postponed", CANCELLED: "Cancelled" };

export function statusWord(status: EventStatusName | null): string {
  return status ? STATUS_WORDS[status] : "";
}

// "as of 14:32" for a live event: when its data last changed.
export function AsOf({ iso, live, dateOnly = false }: { iso: string | null; live: boolean; dateOnly?: boolean }) {
  if (!iso) return null;
  return <time dateTime={iso}>as of {live ? formatTime(iso) : dateOnly ? formatDate(iso) : formatDateTime(iso)}</time>;
}

export function startText(event: Pick<SportsEventView, "startsAt" | "startsAtLocal">): string {
  return event.startsAt ? formatDateTime(event.startsAt) : (event.startsAtLocal ?? "");
}

// Home then away when the event has sides; otherwise the field in document order.
export function sidesOf(event: SportsEventView): { home: ParticipantView; away: ParticipantView } | null {
  const home = event.participants.find((p) => p.side === "HOME");
  const away = event.participants.find((p) => p.side === "AWAY");
  return home && away ? { home, away } : null;
}

export function eventTitle(event: SportsEventView): string {
  const sides = sidesOf(event);
  if (sides) {
    const played = sides.home.score != null && sides.away.score != null && event.status !== "SCHEDULED";
    return played ? `${sides.home.name} ${sides.home.score}–${sides.away.score} ${sides.away.name}` : `${sides.home.name} v ${sides.away.name}`;
  }
  return event.name ?? event.participants.map((p) => p.name).join(", ");
}

export function Competitor({ participant }: { participant: Pick<ParticipantView, "name" | "href"> }) {
  return participant.href ? <a href={participant.href}>{participant.name}</a> : <>{participant.name}</>;
}

export const competitionLine = (competition: string | null, season: string | null) => [competition, season].filter(Boolean).join(" ");
