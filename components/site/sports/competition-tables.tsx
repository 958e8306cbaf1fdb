import type { MedalTableView, StandingsTableView } from "@/lib/sports/pages/competition-page";
import { formatDate } from "@/lib/format-date";
import { PersonLink } from "./person-link";
import { ScrollTable } from "./scroll-table";
import { StandingsCells, StandingsHeaders } from "./standings-columns";

export function StandingsTable({ table, title }: { table: StandingsTableView; title: string }) {
  const name = [title, table.name].filter(Boolean).join(", ");
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
        {table.rows.map((row) => (
          <tr key={row.team.id}>
            <td className="num">{row.rank ?? "–"}</td>
            <th scope="row">
              <PersonLink person={row.team} kind="team" />
            </th>
            <StandingsCells row={row} />
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

// Gold, silver, bronze and total per country, ranked (equal ranks shown "=3").
export function MedalTable({ table, title }: { table: MedalTableView; title: string }) {
  if (table.rows.length === 0) return <p className="empty">No medals have been won yet.</p>;
  return (
    <ScrollTable label={`${title} medals`} caption={`${title}: medal table`}>
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
        {table.rows.map((row) => (
          <tr key={row.code}>
            <td className="num">{row.rankLabel}</td>
            <th scope="row">{row.name}</th>
            <td className="num">{row.gold}</td>
            <td className="num">{row.silver}</td>
            <td className="num">{row.bronze}</td>
            <td className="num">{row.gold + row.silver + row.bronze}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
