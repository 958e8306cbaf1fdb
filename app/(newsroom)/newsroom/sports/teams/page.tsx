import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { parseListQuery } from "@/lib/sports/desk/records-input";
import { listTeams, type TeamRow } from "@/lib/sports/desk/teams-queries";

export const metadata: Metadata = { title: "Teams" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: AdminColumn<TeamRow>[] = [
  { header: "Name", cell: (team) => <a href={`/newsroom/sports/teams/${team.id}`}>{team.name}</a> },
  { header: "Country", cell: (team) => team.country ?? <span className="muted">none</span> },
  { header: "Sport", cell: (team) => team.sport?.name ?? <span className="muted">none</span> },
  { header: "Provider key", cell: (team) => team.key ?? <span className="muted">none</span> },
  { header: "Events", isNumeric: true, cell: (team) => team._count.participants },
  { header: "Standings rows", isNumeric: true, cell: (team) => team._count.standings },
];

export default async function TeamsPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/teams");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await listTeams(user, query);
  return (
    <>
      <RecordListHeader
        title="Teams"
        lead="Clubs and national teams that events and standings name. Imports find a team by its provider key, else by its name within the sport."
        q={query.q}
        searchLabel="Search by name, key or country"
        total={total}
        noun={["team", "teams"]}
        newHref="/newsroom/sports/teams/new"
        newLabel="Add a team"
      />
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(team) => team.id} labelledBy="records-heading" empty="No teams match." />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
