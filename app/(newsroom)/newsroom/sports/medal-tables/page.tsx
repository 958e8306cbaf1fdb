import type { Metadata } from "next";
import type { AdminColumn } from "@/components/newsroom/admin-table";
import { listMedalTables, type MedalTableListRow } from "@/lib/sports/desk/standings-queries";
import { RecordListScreen, type SearchParams } from "../record-list-screen";

export const metadata: Metadata = { title: "Medal tables" };

type Props = { searchParams: SearchParams };

const COLUMNS: AdminColumn<MedalTableListRow>[] = [
  { header: "Competition", cell: (table) => <a href={`/newsroom/sports/medal-tables/${table.id}`}>{table.competitionSeason.competition.name}</a> },
  { header: "Season", cell: (table) => table.competitionSeason.name || <span className="muted">none</span> },
  { header: "Source", cell: (table) => (table.computed ? "Computed from medal events" : "Entered by hand") },
  { header: "Countries", isNumeric: true, cell: (table) => table._count.rows },
];

export default function MedalTablesPage({ searchParams }: Props) {
  return (
    <RecordListScreen
      path="/newsroom/sports/medal-tables"
      searchParams={searchParams}
      list={listMedalTables}
      columns={COLUMNS}
      title="Medal tables"
      lead="Gold, silver and bronze per country, one table per season: computed from the season's medal events or entered by hand. Ranked gold, then silver, then bronze; equal countries share a rank (“=3”)."
      searchLabel="Search by competition or season"
      noun={["medal table", "medal tables"]}
      newHref="/newsroom/sports/medal-tables/new"
      newLabel="Add a medal table"
      empty="No medal tables match."
    />
  );
}
