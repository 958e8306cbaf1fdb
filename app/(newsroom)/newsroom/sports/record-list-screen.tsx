// One sports record list screen (teams, athletes, competitions, standings, medal tables): the
// permission check, the search and page from the address, the list from lib/, then the header,
// the table and the pager. Each page gives its title, words, columns and list.
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { RecordListHeader } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import type { Actor } from "@/lib/permissions";
import { parseListQuery, type ListQuery } from "@/lib/sports/desk/records-input";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type Props<Row extends { id: string }> = {
  path: string;
  searchParams: SearchParams;
  list: (actor: Actor, query: ListQuery) => Promise<{ rows: Row[]; total: number; pages: number }>;
  columns: AdminColumn<Row>[];
  title: string;
  lead: string;
  searchLabel: string;
  noun: [string, string];
  newHref: string;
  newLabel: string;
  empty: string;
};

export async function RecordListScreen<Row extends { id: string }>({ path, searchParams, list, columns, empty, ...header }: Props<Row>) {
  const { user, isAllowed } = await requireScreen("sports.edit", path);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const query = parseListQuery(params);
  const { rows, total, pages } = await list(user, query);
  return (
    <>
      <RecordListHeader {...header} q={query.q} total={total} />
      <AdminTable rows={rows} columns={columns} rowKey={(row) => row.id} labelledBy="records-heading" empty={empty} />
      <Pager page={query.page} pages={pages} params={params} />
    </>
  );
}
