// One match's score on the reader site: a row per side with its score per period and in total,
// the status (with the minute while it is live), venue and start. Corrected scores show on the
// next request: the page carries the event's cache tag.
import type { SportsEventView } from "@/lib/sports/blocks/views";
import { AsOf, Competitor, SportsTable, competitionLine, eventTitle, sidesOf, startText, statusWord } from "./sports-table";

export function ScoreBox({ event }: { event: SportsEventView }) {
  const sides = sidesOf(event);
  const rows = sides ? [sides.home, sides.away] : event.participants;
  const periods = [...new Map(rows.flatMap((p) => p.periods).map((period) => [period.period + (period.name ?? ""), period])).values()];
  const live = event.status === "LIVE";
  const where = [event.venue, event.attendance != null ? `attendance ${event.attendance.toLocaleString("en-GB")}` : null].filter(Boolean).join(", ");
  const state = [statusWord(event.status), live ? [event.period, event.minute].filter(Boolean).join(" ") : ""].filter(Boolean).join(", ");
  return (
    <SportsTable
      kind="score-box"
      caption={
        <>
          <a href={event.href}>{eventTitle(event)}</a>
          <span className="sports-caption-detail">{[competitionLine(event.competition, event.season), event.stage, state].filter(Boolean).join(" · ")}</span>
        </>
      }
      footer={
        <>
          {[where, startText(event)].filter(Boolean).join(" · ")}
          {live ? (
            <>
              {" · "}
              <AsOf iso={event.updatedAt} live />
            </>
          ) : null}
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">{sides ? "Team" : "Competitor"}</th>
          {periods.map((period) => (
            <th scope="col" key={period.period + (period.name ?? "")}>
              {period.name ?? period.period}
            </th>
          ))}
          <th scope="col">{sides ? "Score" : "Result"}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} className={p.outcome === "win" ? "is-winner" : undefined}>
            <th scope="row">
              <Competitor participant={p} />
            </th>
            {periods.map((period) => {
              const own = p.periods.find((x) => x.period === period.period && x.name === period.name);
              return <td key={period.period + (period.name ?? "")}>{own?.score ?? own?.mark ?? "–"}</td>;
            })}
            <td className="sports-total">{p.score ?? p.mark ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </SportsTable>
  );
}
