import type { MatchPage, MatchSideView } from "@/lib/sports/pages/match-page";
import { finishingOrder, sideName } from "@/lib/sports/pages/views";
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

// A field's results in finishing order: place, competitor, time or points, record.
export function FieldResults({ page, title }: { page: MatchPage; title: string }) {
  if (page.sides.length === 0) return null;
  return (
    <ScrollTable label="Results" caption={`${title}: results`}>
      <thead>
        <tr>
          <th scope="col" className="num">
            <abbr title="Place">Pos</abbr>
          </th>
          <th scope="col">Competitor</th>
          <th scope="col">Result</th>
          <th scope="col">Record</th>
        </tr>
      </thead>
      <tbody>
        {finishingOrder(page.sides).map((side) => (
          <tr key={side.id}>
            <td className="num">{side.rank ?? "–"}</td>
            <th scope="row">
              <SideLink side={side} />
            </th>
            <td>{side.mark ?? side.score ?? ""}</td>
            <td>{side.record ? <abbr title={recordName(side.record)}>{side.record}</abbr> : ""}</td>
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
