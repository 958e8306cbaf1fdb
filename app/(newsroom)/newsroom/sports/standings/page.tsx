import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { formatAsOf } from "@/components/newsroom/sports/records/format";
import { parseListQuery } from "@/lib/sports/desk/records-input";
import { listStandings, type StandingsListRow } from "@/lib/sports/desk/standings-queries";

export const metadata: Metadata = { title: "Standings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

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

export default async function StandingsListPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/standings");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await listStandings(user, query);
  return (
    <>
      <RecordListHeader
        title="Standings"
        lead="League tables by season and date: played, won, drawn, lost, goals, points and form per team, ranked by the competition's rules. Most recently changed first."
        q={query.q}
        searchLabel="Search by competition, season or table name"
        total={total}
        noun={["table", "tables"]}
        newHref="/newsroom/sports/standings/new"
        newLabel="Add a standings table"
      />
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(table) => table.id} labelledBy="records-heading" empty="No standings tables match." />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
