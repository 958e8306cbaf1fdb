import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { parseListQuery } from "@/lib/sports/desk/records-input";
import { listMedalTables, type MedalTableListRow } from "@/lib/sports/desk/standings-queries";

export const metadata: Metadata = { title: "Medal tables" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: AdminColumn<MedalTableListRow>[] = [
  { header: "Competition", cell: (table) => <a href={`/newsroom/sports/medal-tables/${table.id}`}>{table.competitionSeason.competition.name}</a> },
  { header: "Season", cell: (table) => table.competitionSeason.name || <span className="muted">none</span> },
  { header: "Source", cell: (table) => (table.computed ? "Computed from medal events" : "Entered by hand") },
  { header: "Countries", isNumeric: true, cell: (table) => table._count.rows },
];

export default async function MedalTablesPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/medal-tables");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await listMedalTables(user, query);
  return (
    <>
      <RecordListHeader
        title="Medal tables"
        lead="Gold, silver and bronze per country, one table per season: computed from the season's medal events or entered by hand. Ranked gold, then silver, then bronze; equal countries share a rank (“=3”)."
        q={query.q}
        searchLabel="Search by competition or season"
        total={total}
        noun={["medal table", "medal tables"]}
        newHref="/newsroom/sports/medal-tables/new"
        newLabel="Add a medal table"
      />
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(table) => table.id} labelledBy="records-heading" empty="No medal tables match." />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
