// A league table: position (shared "=3"), team, played/won/drawn/lost, goals, points and form.
// The teams the story is about are highlighted, and say so in words for screen readers.
import type { StandingsView } from "@/lib/sports/blocks/views";
import { AsOf, Competitor, SportsTable } from "./sports-table";

const COLUMNS = [
  { key: "played", short: "P", title: "Played" },
  { key: "won", short: "W", title: "Won" },
  { key: "drawn", short: "D", title: "Drawn" },
  { key: "lost", short: "L", title: "Lost" },
  { key: "goalsFor", short: "F", title: "Goals for" },
  { key: "goalsAgainst", short: "A", title: "Goals against" },
] as const;

export function StandingsTable({ table, highlight }: { table: StandingsView; highlight: ReadonlySet<string> }) {
  const shown = COLUMNS.filter((c) => table.rows.some((row) => row[c.key] != null));
  const hasDifference = table.rows.some((row) => row.goalsFor != null && row.goalsAgainst != null);
  const hasForm = table.rows.some((row) => row.form);
  return (
    <SportsTable
      kind="standings"
      caption={<>{[table.competition, table.season].filter(Boolean).join(" ") || table.name || "Standings"}</>}
      footer={<AsOf iso={table.asOf ?? table.updatedAt} live={false} dateOnly={Boolean(table.asOf)} />}
    >
      <thead>
        <tr>
          <th scope="col">
            <abbr title="Position">Pos</abbr>
          </th>
          <th scope="col">Team</th>
          {shown.map((c) => (
            <th scope="col" key={c.key}>
              <abbr title={c.title}>{c.short}</abbr>
            </th>
          ))}
          {hasDifference ? (
            <th scope="col">
              <abbr title="Goal difference">GD</abbr>
            </th>
          ) : null}
          <th scope="col">
            <abbr title="Points">Pts</abbr>
          </th>
          {hasForm ? <th scope="col">Form</th> : null}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => {
          const isHighlighted = highlight.has(row.teamId);
          const difference = row.goalsFor != null && row.goalsAgainst != null ? row.goalsFor - row.goalsAgainst : null;
          return (
            <tr key={row.teamId} className={isHighlighted ? "is-highlighted" : undefined}>
              <td>{row.rankLabel}</td>
              <th scope="row">
                <Competitor participant={row} />
                {isHighlighted ? <span className="visually-hidden"> (in this story)</span> : null}
              </th>
              {shown.map((c) => (
                <td key={c.key}>{row[c.key] ?? ""}</td>
              ))}
              {hasDifference ? <td>{difference == null ? "" : difference > 0 ? `+${difference}` : difference}</td> : null}
              <td className="sports-total">{row.points ?? ""}</td>
              {hasForm ? <td className="sports-form">{row.form ?? ""}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </SportsTable>
  );
}
