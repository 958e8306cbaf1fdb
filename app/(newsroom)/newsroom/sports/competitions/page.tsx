import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { listCompetitions, type CompetitionRow } from "@/lib/sports/desk/competitions-queries";
import { parseListQuery } from "@/lib/sports/desk/records-input";

export const metadata: Metadata = { title: "Competitions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: AdminColumn<CompetitionRow>[] = [
  { header: "Name", cell: (competition) => <a href={`/newsroom/sports/competitions/${competition.id}`}>{competition.name}</a> },
  { header: "Sport", cell: (competition) => competition.sport?.name ?? <span className="muted">none</span> },
  { header: "Seasons", cell: (competition) => competition.seasons.map((season) => season.name || "(unnamed)").join(", ") || <span className="muted">none</span> },
  { header: "Provider key", cell: (competition) => competition.key ?? <span className="muted">none</span> },
];

export default async function CompetitionsPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/competitions");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await listCompetitions(user, query);
  return (
    <>
      <RecordListHeader
        title="Competitions"
        lead="Leagues, cups and games with their seasons or editions (“2025/26”, “Milano Cortina 2026”), and the rules their standings are ranked by."
        q={query.q}
        searchLabel="Search by name or key"
        total={total}
        noun={["competition", "competitions"]}
        newHref="/newsroom/sports/competitions/new"
        newLabel="Add a competition"
      />
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(competition) => competition.id} labelledBy="records-heading" empty="No competitions match." />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
