import { competitionHref, eventTitle, matchHref, headToHead, sideName, statusLabel, type EventSummary } from "@/lib/sports/pages/views";
import { EventWhen } from "./event-when";
import { ScrollTable } from "./scroll-table";

// "0–2" for a match with scores; the winner (and mark) for a field; nothing before it starts.
function resultText(event: EventSummary): string {
  const match = headToHead(event);
  if (match) return match.home.score !== null && match.away.score !== null ? `${match.home.score}–${match.away.score}` : "";
  const winner = event.sides.find((side) => side.rank === 1);
  return winner ? `Won by ${sideName(winner)}${winner.mark ? ` (${winner.mark})` : ""}` : "";
}

function statusText(event: EventSummary): string {
  if (event.status === "FINAL") return "";
  const label = statusLabel(event.status);
  return [label, event.status === "LIVE" ? (event.minute ?? event.period) : null].filter(Boolean).join(" ");
}

type Props = { events: EventSummary[]; caption: string; label: string; emptyText: string; showCompetition?: boolean };

// Results or fixtures: date, match (linked to its page), score or status, competition.
export function EventList({ events, caption, label, emptyText, showCompetition = true }: Props) {
  if (events.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ScrollTable label={label} caption={caption}>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Event</th>
          <th scope="col">Result</th>
          {showCompetition && <th scope="col">Competition</th>}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const status = statusText(event);
          return (
            <tr key={event.id}>
              <td>
                <EventWhen event={event} />
              </td>
              <th scope="row">
                <a href={matchHref(event.id)}>{eventTitle(event)}</a>
              </th>
              <td>
                {resultText(event)}
                {status && <span className="sports-status"> {status}</span>}
              </td>
              {showCompetition && <td>{event.competition ? event.competition.slug ? <a href={competitionHref(event.competition.slug)}>{event.competition.name}</a> : event.competition.name : ""}</td>}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
