// One match's score in a story: a row per side with its score per period and in total, the status
// (with the minute while it is live, and "as of" the last change), venue and start. A field event
// in a score box lists its competitors with their marks.
import { formatTime } from "@/lib/format-date";
import type { SportsEventView } from "@/lib/sports/blocks/views";
import { competitionHref, eventTitle, headToHead, matchHref, statusLabel } from "@/lib/sports/pages/views";
import { EventWhen } from "./event-when";
import { SideLink } from "./person-link";
import { ScrollTable } from "./scroll-table";

function scoreline(event: SportsEventView): string {
  const match = headToHead(event);
  if (!match || match.home.score === null || match.away.score === null || event.status === "SCHEDULED") return eventTitle(event);
  return `${eventTitle(event).replace(/ v /, ` ${match.home.score}–${match.away.score} `)}`;
}

export function ScoreBox({ event }: { event: SportsEventView }) {
  const match = headToHead(event);
  const rows = match ? [match.home, match.away] : event.sides;
  const periods = [...new Map(rows.flatMap((side) => side.periods).map((p) => [`${p.period}|${p.name ?? ""}`, p])).values()];
  const live = event.status === "LIVE";
  const state = [statusLabel(event.status), live ? [event.period, event.minute].filter(Boolean).join(" ") : ""].filter(Boolean).join(", ");
  const title = scoreline(event);
  return (
    <figure className="sports-block sports-score-box">
      <ScrollTable
        label={`${eventTitle(event)} score`}
        caption={
          <>
            <a href={matchHref(event.id)}>{title}</a>
            <span className="sports-caption-detail">
              {event.competition ? (
                event.competition.slug ? (
                  <a href={competitionHref(event.competition.slug)}>{[event.competition.name, event.competition.season].filter(Boolean).join(" ")}</a>
                ) : (
                  event.competition.name
                )
              ) : null}
              {[event.stage, state].filter(Boolean).map((part) => ` · ${part}`)}
            </span>
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col">{match ? "Team" : "Competitor"}</th>
            {periods.map((p) => (
              <th scope="col" className="num" key={`${p.period}|${p.name ?? ""}`}>
                {p.name ?? p.period}
              </th>
            ))}
            <th scope="col" className="num">
              {match ? "Score" : "Result"}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((side) => (
            <tr key={side.id} className={side.outcome === "win" ? "is-winner" : undefined}>
              <th scope="row">
                <SideLink side={side} />
              </th>
              {periods.map((p) => {
                const own = side.periods.find((x) => x.period === p.period && x.name === p.name);
                return (
                  <td className="num" key={`${p.period}|${p.name ?? ""}`}>
                    {own?.score ?? own?.mark ?? "–"}
                  </td>
                );
              })}
              <td className="num sports-total">{side.score ?? side.mark ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <figcaption className="sports-meta">
        {[event.venue, event.attendance !== null ? `attendance ${event.attendance.toLocaleString("en-GB")}` : null].filter(Boolean).join(", ")}
        {event.venue || event.attendance !== null ? " · " : ""}
        <EventWhen event={event} withTime />
        {live ? (
          <>
            {" · "}
            <time dateTime={event.updatedAt}>as of {formatTime(event.updatedAt)}</time>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
