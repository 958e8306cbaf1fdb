import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { listAthletes, type AthleteRow } from "@/lib/sports/desk/athletes-queries";
import { parseListQuery } from "@/lib/sports/desk/records-input";

export const metadata: Metadata = { title: "Athletes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: AdminColumn<AthleteRow>[] = [
  { header: "Name", cell: (athlete) => <a href={`/newsroom/sports/athletes/${athlete.id}`}>{athlete.name}</a> },
  { header: "Country", cell: (athlete) => athlete.country ?? <span className="muted">none</span> },
  { header: "Sport", cell: (athlete) => athlete.sport?.name ?? <span className="muted">none</span> },
  { header: "Team", cell: (athlete) => (athlete.team ? <a href={`/newsroom/sports/teams/${athlete.team.id}`}>{athlete.team.name}</a> : <span className="muted">none</span>) },
  { header: "Provider key", cell: (athlete) => athlete.key ?? <span className="muted">none</span> },
  { header: "Events", isNumeric: true, cell: (athlete) => athlete._count.participants },
];

export default async function AthletesPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/athletes");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await listAthletes(user, query);
  return (
    <>
      <RecordListHeader
        title="Athletes"
        lead="Competitors that results name, with their country, team and a photo from the media library."
        q={query.q}
        searchLabel="Search by name, key or country"
        total={total}
        noun={["athlete", "athletes"]}
        newHref="/newsroom/sports/athletes/new"
        newLabel="Add an athlete"
      />
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(athlete) => athlete.id} labelledBy="records-heading" empty="No athletes match." />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
