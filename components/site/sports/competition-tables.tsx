// Standings and medal tables, wherever readers see them: a story's blocks
// (components/site/story/story-blocks.tsx) and the competition page.
import type { MedalTableView, StandingsView } from "@/lib/sports/blocks/views";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { PersonLink } from "./person-link";
import { ScrollTable } from "./scroll-table";
import { StandingsCells, StandingsHeaders } from "./standings-columns";

const nameOf = (competition: string, season: string) => [competition, season].filter(Boolean).join(" ");

// `highlight`: teams the story is about, marked (and said in words for screen readers).
export function StandingsTable({ table, highlight = new Set<string>() }: { table: StandingsView; highlight?: ReadonlySet<string> }) {
  const name = [nameOf(table.competition, table.season), table.name].filter(Boolean).join(", ") || "Standings";
  const caption = table.asOf ? `${name} (as of ${formatDate(table.asOf)})` : name;
  return (
    <ScrollTable label={`${name} standings`} caption={caption}>
      <thead>
        <tr>
          <th scope="col" className="num">
            <abbr title="Position">Pos</abbr>
          </th>
          <th scope="col">Team</th>
          <StandingsHeaders />
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => {
          const isHighlighted = highlight.has(row.team.id);
          return (
            <tr key={row.team.id} className={isHighlighted ? "is-highlighted" : undefined}>
              <td className="num">{row.rankLabel}</td>
              <th scope="row">
                <PersonLink person={row.team} kind="team" />
                {isHighlighted ? <span className="visually-hidden"> (in this story)</span> : null}
              </th>
              <StandingsCells row={row} />
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

// Gold, silver, bronze and total per country, ranked (equal ranks shown "=3"). `limit`: the top N
// places (0: all); countries sharing the last place shown all appear.
export function MedalTable({ table, limit = 0 }: { table: MedalTableView; limit?: number }) {
  const name = nameOf(table.competition, table.season);
  if (table.rows.length === 0) return <p className="empty">{name ? `${name}: no medals have been won yet.` : "No medals have been won yet."}</p>;
  const shown = limit > 0 ? table.rows.filter((row) => row.rank <= limit) : table.rows;
  const partial = shown.length < table.rows.length ? `, top ${limit}` : "";
  return (
    <ScrollTable label={`${name || "Medal"} medals`} caption={`${name ? `${name}: ` : ""}medal table${partial} (as of ${formatDateTime(table.updatedAt)})`}>
      <thead>
        <tr>
          <th scope="col" className="num">
            Rank
          </th>
          <th scope="col">Country</th>
          <th scope="col" className="num">
            Gold
          </th>
          <th scope="col" className="num">
            Silver
          </th>
          <th scope="col" className="num">
            Bronze
          </th>
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={row.country}>
            <td className="num">{row.rankLabel}</td>
            <th scope="row">{row.name}</th>
            <td className="num">{row.gold}</td>
            <td className="num">{row.silver}</td>
            <td className="num">{row.bronze}</td>
            <td className="num">{row.total}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
