import type { Metadata } from "next";
import type { AdminColumn } from "@/components/newsroom/admin-table";
import { listAthletes, type AthleteRow } from "@/lib/sports/desk/athletes-queries";
import { RecordListScreen, type SearchParams } from "../record-list-screen";

export const metadata: Metadata = { title: "Athletes" };

type Props = { searchParams: SearchParams };

const COLUMNS: AdminColumn<AthleteRow>[] = [
  { header: "Name", cell: (athlete) => <a href={`/newsroom/sports/athletes/${athlete.id}`}>{athlete.name}</a> },
  { header: "Country", cell: (athlete) => athlete.country ?? <span className="muted">none</span> },
  { header: "Sport", cell: (athlete) => athlete.sport?.name ?? <span className="muted">none</span> },
  { header: "Team", cell: (athlete) => (athlete.team ? <a href={`/newsroom/sports/teams/${athlete.team.id}`}>{athlete.team.name}</a> : <span className="muted">none</span>) },
  { header: "Provider key", cell: (athlete) => athlete.key ?? <span className="muted">none</span> },
  { header: "Events", isNumeric: true, cell: (athlete) => athlete._count.participants },
];

export default function AthletesPage({ searchParams }: Props) {
  return (
    <RecordListScreen
      path="/newsroom/sports/athletes"
      searchParams={searchParams}
      list={listAthletes}
      columns={COLUMNS}
      title="Athletes"
      lead="Competitors that results name, with their country, team and a photo from the media library."
      searchLabel="Search by name, key or country"
      noun={["athlete", "athletes"]}
      newHref="/newsroom/sports/athletes/new"
      newLabel="Add an athlete"
      empty="No athletes match."
    />
  );
}
