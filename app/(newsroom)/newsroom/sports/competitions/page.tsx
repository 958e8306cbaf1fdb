import type { Metadata } from "next";
import type { AdminColumn } from "@/components/newsroom/admin-table";
import { listCompetitions, type CompetitionRow } from "@/lib/sports/desk/competitions-queries";
import { RecordListScreen, type SearchParams } from "../record-list-screen";

export const metadata: Metadata = { title: "Competitions" };

type Props = { searchParams: SearchParams };

const COLUMNS: AdminColumn<CompetitionRow>[] = [
  { header: "Name", cell: (competition) => <a href={`/newsroom/sports/competitions/${competition.id}`}>{competition.name}</a> },
  { header: "Sport", cell: (competition) => competition.sport?.name ?? <span className="muted">none</span> },
  { header: "Seasons", cell: (competition) => competition.seasons.map((season) => season.name || "(unnamed)").join(", ") || <span className="muted">none</span> },
  { header: "Provider key", cell: (competition) => competition.key ?? <span className="muted">none</span> },
];

export default function CompetitionsPage({ searchParams }: Props) {
  return (
    <RecordListScreen
      path="/newsroom/sports/competitions"
      searchParams={searchParams}
      list={listCompetitions}
      columns={COLUMNS}
      title="Competitions"
      lead="Leagues, cups and games with their seasons or editions (“2025/26”, “Milano Cortina 2026”), and the rules their standings are ranked by."
      searchLabel="Search by name or key"
      noun={["competition", "competitions"]}
      newHref="/newsroom/sports/competitions/new"
      newLabel="Add a competition"
      empty="No competitions match."
    />
  );
}
