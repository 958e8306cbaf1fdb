import type { ReactNode } from "react";
import type { MatchSideView } from "@/lib/sports/pages/match-page";
import { finishingOrder, sideName, type SideView } from "@/lib/sports/pages/views";
import { SideLink } from "./person-link";
import { ScrollTable } from "./scroll-table";

// The score per period ("1", "2", "OT"…), one row per side, with the total.
export function PeriodScores({ title, home, away }: { title: string; home: MatchSideView; away: MatchSideView }) {
  const periods = home.periods.length >= away.periods.length ? home.periods : away.periods;
  if (periods.length === 0) return null;
  const cell = (side: MatchSideView, index: number) => side.periods[index]?.score ?? side.periods[index]?.mark ?? "–";
  return (
    <ScrollTable label="Score by period" caption={`${title}: score by period`}>
      <thead>
        <tr>
          <th scope="col">Team</th>
          {periods.map((period, index) => (
            <th key={index} scope="col" className="num">
              {period.name ?? period.period}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {[home, away].map((side) => (
          <tr key={side.id}>
            <th scope="row">{sideName(side)}</th>
            {periods.map((period, index) => (
              <td key={index} className="num">
                {cell(side, index)}
              </td>
            ))}
            <td className="num">{side.score ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

// Places with shared ones shown "=3" (two bronzes, a dead heat).
function placeLabels(sides: readonly Pick<SideView, "rank">[]): string[] {
  return sides.map((side) => (side.rank === null ? "–" : sides.filter((other) => other.rank === side.rank).length > 1 ? `=${side.rank}` : String(side.rank)));
}

// A field's results in finishing order: place, competitor, country, time or points, record.
// `limit`: the top N places (0: everyone; competitors without a place count by their order).
export function FieldResults({ sides, caption, label, limit = 0 }: { sides: readonly SideView[]; caption: ReactNode; label: string; limit?: number }) {
  if (sides.length === 0) return null;
  const ordered = finishingOrder(sides);
  const shown = limit > 0 ? ordered.filter((side, i) => (side.rank !== null ? side.rank <= limit : i < limit)) : ordered;
  const labels = placeLabels(shown);
  const country = (side: SideView) => side.athlete?.country ?? side.team?.country ?? null;
  const hasCountry = shown.some((side) => country(side));
  const hasRecord = shown.some((side) => side.record);
  return (
    <ScrollTable label={label} caption={caption}>
      <thead>
        <tr>
          <th scope="col" className="num">
            <abbr title="Place">Pos</abbr>
          </th>
          <th scope="col">Competitor</th>
          {hasCountry && <th scope="col">Country</th>}
          <th scope="col">Result</th>
          {hasRecord && <th scope="col">Record</th>}
        </tr>
      </thead>
      <tbody>
        {shown.map((side, i) => (
          <tr key={side.id}>
            <td className="num">{labels[i]}</td>
            <th scope="row">
              <SideLink side={side} />
            </th>
            {hasCountry && <td>{country(side) ?? ""}</td>}
            <td>{side.mark ?? side.score ?? ""}</td>
            {hasRecord && <td>{side.record ? <abbr title={recordName(side.record)}>{side.record}</abbr> : ""}</td>}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

const RECORDS: Record<string, string> = { WR: "World record", OR: "Olympic record", NR: "National record", PB: "Personal best", SB: "Season best", ER: "European record", CR: "Championship record" };

function recordName(record: string): string {
  return RECORDS[record.toUpperCase()] ?? record;
}

// Each side's line-up (or a relay team's legs), in the order given.
export function LineUps({ sides }: { sides: MatchSideView[] }) {
  const withMembers = sides.filter((side) => side.members.length > 0);
  if (withMembers.length === 0) return null;
  return (
    <section aria-labelledby="match-lineups-heading" className="sports-section">
      <h2 id="match-lineups-heading" className="sports-section-title">
        Line-ups
      </h2>
      <div className="sports-lineups">
        {withMembers.map((side) => (
          <section key={side.id} aria-label={`${sideName(side)} line-up`}>
            <h3 className="sports-lineup-title">{sideName(side)}</h3>
            <ol className="sports-people">
              {side.members.map((member) => (
                <li key={member.id}>
                  <SideLink side={member} />
                  {member.mark && <span className="sports-mark"> {member.mark}</span>}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}
