// An event's field in finishing order: place (shared places "=3"), competitor, country, time,
// score or points, and any record set ("WR"). `limit`: the top N places (0: everyone).
import type { ParticipantView, SportsEventView } from "@/lib/sports/blocks/views";
import { AsOf, Competitor, SportsTable, competitionLine, startText, statusWord } from "./sports-table";

function placeLabels(rows: ParticipantView[]): string[] {
  return rows.map((p) => (p.rank == null ? "" : rows.filter((other) => other.rank === p.rank).length > 1 ? `=${p.rank}` : String(p.rank)));
}

// Placed competitors first in place order, then the rest (DNF, DNS) as the source listed them.
function inFinishingOrder(participants: ParticipantView[]): ParticipantView[] {
  return participants
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.rank ?? Infinity) - (b.p.rank ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
}

export function ResultsTable({ event, limit }: { event: SportsEventView; limit: number }) {
  const ordered = inFinishingOrder(event.participants);
  const shown = limit > 0 ? ordered.filter((p, i) => (p.rank != null ? p.rank <= limit : i < limit)) : ordered;
  const labels = placeLabels(shown);
  const hasCountry = shown.some((p) => p.country);
  const hasRecord = shown.some((p) => p.record);
  const live = event.status === "LIVE";
  return (
    <SportsTable
      kind="results"
      caption={
        <>
          <a href={event.href}>{event.name ?? "Results"}</a>
          <span className="sports-caption-detail">{[competitionLine(event.competition, event.season), event.stage, statusWord(event.status)].filter(Boolean).join(" · ")}</span>
        </>
      }
      footer={
        <>
          {[event.venue, startText(event), limit > 0 && ordered.length > shown.length ? `top ${limit} of ${ordered.length}` : ""].filter(Boolean).join(" · ")}
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
          <th scope="col">Place</th>
          <th scope="col">Competitor</th>
          {hasCountry ? <th scope="col">Country</th> : null}
          <th scope="col">Result</th>
          {hasRecord ? <th scope="col">Record</th> : null}
        </tr>
      </thead>
      <tbody>
        {shown.map((p, i) => (
          <tr key={p.id}>
            <td>{labels[i]}</td>
            <th scope="row">
              <Competitor participant={p} />
            </th>
            {hasCountry ? <td>{p.country ?? ""}</td> : null}
            <td className="sports-total">{p.mark ?? p.score ?? ""}</td>
            {hasRecord ? <td>{p.record ? <abbr title={RECORD_NAMES[p.record] ?? p.record}>{p.record}</abbr> : ""}</td> : null}
          </tr>
        ))}
      </tbody>
    </SportsTable>
  );
}

const RECORD_NAMES: Record<string, string> = { WR: "World record", OR: "Olympic record", NR: "National record", PB: "Personal best", SB: "Season's best", ER: "European record", CR: "Championship record" };
