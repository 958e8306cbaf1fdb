import type { Metadata } from "next";
import type { AdminColumn } from "@/components/newsroom/admin-table";
import { formatAsOf } from "@/components/newsroom/sports/records/format";
import { listStandings, type StandingsListRow } from "@/lib/sports/desk/standings-queries";
import { RecordListScreen, type SearchParams } from "../record-list-screen";

export const metadata: Metadata = { title: "Standings" };

type Props = { searchParams: SearchParams };

const COLUMNS: AdminColumn<StandingsListRow>[] = [
  {
    header: "Table",
    cell: (table) => <a href={`/newsroom/sports/standings/${table.id}`}>{table.name || `${table.competitionSeason.competition.name} ${table.competitionSeason.name}`.trim()}</a>,
  },
  { header: "Competition", cell: (table) => table.competitionSeason.competition.name },
  { header: "Season", cell: (table) => table.competitionSeason.name || <span className="muted">none</span> },
  { header: "As of", cell: (table) => (table.asOf ? formatAsOf(table.asOf) : <span className="muted">not given</span>) },
  { header: "Teams", isNumeric: true, cell: (table) => table._count.rows },
];

export default function StandingsListPage({ searchParams }: Props) {
  return (
    <RecordListScreen
      path="/newsroom/sports/standings"
      searchParams={searchParams}
      list={listStandings}
      columns={COLUMNS}
      title="Standings"
      lead="League tables by season and date: played, won, drawn, lost, goals, points and form per team, ranked by the competition's rules. Most recently changed first."
      searchLabel="Search by competition, season or table name"
      noun={["table", "tables"]}
      newHref="/newsroom/sports/standings/new"
      newLabel="Add a standings table"
      empty="No standings tables match."
    />
  );
}
