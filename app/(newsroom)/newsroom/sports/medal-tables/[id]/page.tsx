import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { MedalSourceField } from "@/components/newsroom/sports/records/medal-source";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { RowsEditor, type RowsColumn } from "@/components/newsroom/sports/records/rows-editor";
import { requireScreen } from "@/lib/auth/screen";
import { getMedalTable, type MedalTableDetail } from "@/lib/sports/desk/standings-queries";
import { updateMedalTableAction } from "../../actions-records";

export const metadata: Metadata = { title: "Medal table" };

type Props = { params: Promise<{ id: string }> };
type Ranked = MedalTableDetail["ranked"][number];

const COLUMNS: AdminColumn<Ranked>[] = [
  { header: "Rank", cell: (row) => row.rankLabel },
  { header: "Country", cell: (row) => `${row.name} (${row.code})` },
  { header: "Gold", isNumeric: true, cell: (row) => row.gold },
  { header: "Silver", isNumeric: true, cell: (row) => row.silver },
  { header: "Bronze", isNumeric: true, cell: (row) => row.bronze },
  { header: "Total", isNumeric: true, cell: (row) => row.gold + row.silver + row.bronze },
];

const EDIT_COLUMNS: RowsColumn[] = [
  { name: "country", label: "Code", kind: "text", maxLength: 3, pattern: "[A-Za-z]{3}", isRequired: true },
  { name: "name", label: "Country", kind: "text", maxLength: 120, isRequired: true },
  { name: "gold", label: "Gold", kind: "number" },
  { name: "silver", label: "Silver", kind: "number" },
  { name: "bronze", label: "Bronze", kind: "number" },
];

export default async function MedalTablePage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/medal-tables/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const table = await getMedalTable(user, id);
  if (!table) notFound();
  const season = table.competitionSeason;
  const title = `${season.competition.name} ${season.name}`.trim();
  const initialRows = table.ranked.map((row) => ({ country: row.code, name: row.name, gold: String(row.gold), silver: String(row.silver), bronze: String(row.bronze) }));
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/medal-tables" label="Medal tables" />
      <h1 className="admin-page-title">Medal table: {title}</h1>
      <p className="admin-lead">
        {table.computed ? `Computed from ${table.medalEvents} medal ${table.medalEvents === 1 ? "event" : "events"} of this season` : "Entered by hand"} · version {table.version} ·{" "}
        <a href={`/newsroom/sports/competitions/${season.competition.id}`}>{season.competition.name}</a> · <a href={`/newsroom/admin/audit?entityType=MedalTable&entityId=${table.id}`}>history</a>
      </p>
      <section className="admin-section" aria-labelledby="ranked-heading">
        <h2 id="ranked-heading">The table</h2>
        <AdminTable rows={table.ranked} columns={COLUMNS} rowKey={(row) => row.code} labelledBy="ranked-heading" empty="No medals yet." />
      </section>
      <section className="admin-section" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit</h2>
        <ActionForm action={updateMedalTableAction} record={{ id: table.id, version: table.version }} submitLabel="Save medal table" successMessage="Medal table saved.">
          <MedalSourceField value={table.computed ? "computed" : "entered"} />
          <p className="hint">
            Entered rows: a three-letter code (NOR) and a name per country, whole numbers of medals, 0 or more; a country appears once. Saving a computed table rebuilds it from the medal events now.
          </p>
          <RowsEditor key={table.version} caption={`Countries of ${title}`} columns={EDIT_COLUMNS} initialRows={initialRows} rowNoun="country" />
        </ActionForm>
      </section>
    </>
  );
}
