import type { Metadata } from "next";
import type { AdminColumn } from "@/components/newsroom/admin-table";
import { listTeams, type TeamRow } from "@/lib/sports/desk/teams-queries";
import { RecordListScreen, type SearchParams } from "../record-list-screen";

export const metadata: Metadata = { title: "Teams" };

type Props = { searchParams: SearchParams };

const COLUMNS: AdminColumn<TeamRow>[] = [
  { header: "Name", cell: (team) => <a href={`/newsroom/sports/teams/${team.id}`}>{team.name}</a> },
  { header: "Country", cell: (team) => team.country ?? <span className="muted">none</span> },
  { header: "Sport", cell: (team) => team.sport?.name ?? <span className="muted">none</span> },
  { header: "Provider key", cell: (team) => team.key ?? <span className="muted">none</span> },
  { header: "Events", isNumeric: true, cell: (team) => team._count.participants },
  { header: "Standings rows", isNumeric: true, cell: (team) => team._count.standings },
];

export default function TeamsPage({ searchParams }: Props) {
  return (
    <RecordListScreen
      path="/newsroom/sports/teams"
      searchParams={searchParams}
      list={listTeams}
      columns={COLUMNS}
      title="Teams"
      lead="Clubs and national teams that events and standings name. Imports find a team by its provider key, else by its name within the sport."
      searchLabel="Search by name, key or country"
      noun={["team", "teams"]}
      newHref="/newsroom/sports/teams/new"
      newLabel="Add a team"
      empty="No teams match."
    />
  );
}
