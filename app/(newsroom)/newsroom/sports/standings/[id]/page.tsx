import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { asOfInputValue, formatAsOf } from "@/components/newsroom/sports/records/format";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { RowsEditor, type RowsColumn } from "@/components/newsroom/sports/records/rows-editor";
import { requireScreen } from "@/lib/auth/screen";
import { TIE_BREAKER_LABELS } from "@/lib/sports/desk/competitions";
import { getStandings, type StandingsDetail } from "@/lib/sports/desk/standings-queries";
import { listTeamChoices } from "@/lib/sports/desk/teams-queries";
import { rankStandingsAction, updateStandingsAction } from "../../actions-records";

export const metadata: Metadata = { title: "Standings table" };

type Props = { params: Promise<{ id: string }> };
type Row = StandingsDetail["rows"][number];

const show = (value: number | null) => (value === null ? "–" : value);
const COLUMNS: AdminColumn<Row>[] = [
  { header: "Rank", cell: (row) => row.rankLabel || "–" },
  { header: "Team", cell: (row) => row.team.name },
  { header: "P", isNumeric: true, cell: (row) => show(row.played) },
  { header: "W", isNumeric: true, cell: (row) => show(row.won) },
  { header: "D", isNumeric: true, cell: (row) => show(row.drawn) },
  { header: "L", isNumeric: true, cell: (row) => show(row.lost) },
  { header: "GF", isNumeric: true, cell: (row) => show(row.goalsFor) },
  { header: "GA", isNumeric: true, cell: (row) => show(row.goalsAgainst) },
  { header: "Pts", isNumeric: true, cell: (row) => show(row.points) },
  { header: "Form", cell: (row) => row.form ?? "" },
];

const text = (value: number | string | null) => (value === null ? "" : String(value));

export default async function StandingsPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/standings/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const [table, teams] = await Promise.all([getStandings(user, id), listTeamChoices(user)]);
  if (!table) notFound();
  const season = table.competitionSeason;
  const title = table.name || `${season.competition.name} ${season.name}`.trim();
  const teamOptions = [...table.rows.filter((row) => !teams.some((t) => t.id === row.teamId)).map((row) => ({ id: row.teamId, label: row.team.name })), ...teams].map((team) => ({
    value: team.id,
    label: team.label,
  }));
  const columns: RowsColumn[] = [
    { name: "rank", label: "Rank", kind: "number" },
    { name: "teamId", label: "Team", kind: "select", options: teamOptions, isRequired: true },
    { name: "played", label: "Played", kind: "number" },
    { name: "won", label: "Won", kind: "number" },
    { name: "drawn", label: "Drawn", kind: "number" },
    { name: "lost", label: "Lost", kind: "number" },
    { name: "goalsFor", label: "Goals for", kind: "number" },
    { name: "goalsAgainst", label: "Goals against", kind: "number" },
    { name: "points", label: "Points", kind: "number" },
    { name: "form", label: "Form", kind: "text", maxLength: 10, pattern: "[WDLwdl]{0,10}" },
  ];
  const initialRows = table.rows.map((row) => ({
    rank: text(row.rank),
    teamId: row.teamId,
    played: text(row.played),
    won: text(row.won),
    drawn: text(row.drawn),
    lost: text(row.lost),
    goalsFor: text(row.goalsFor),
    goalsAgainst: text(row.goalsAgainst),
    points: text(row.points),
    form: text(row.form),
  }));
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/standings" label="Standings" />
      <h1 className="admin-page-title">{title}</h1>
      <p className="admin-lead">
        <a href={`/newsroom/sports/competitions/${season.competition.id}`}>{season.competition.name}</a> {season.name} · as of {table.asOf ? formatAsOf(table.asOf) : "no date"} · version {table.version} ·{" "}
        <a href={`/newsroom/admin/audit?entityType=Standings&entityId=${table.id}`}>history</a>
      </p>
      <section className="admin-section" aria-labelledby="saved-heading">
        <h2 id="saved-heading">The table as saved</h2>
        <AdminTable rows={table.rows} columns={COLUMNS} rowKey={(row) => row.id} labelledBy="saved-heading" empty="No rows yet: add them below." />
        <ActionForm
          action={rankStandingsAction}
          record={{ id: table.id, version: table.version }}
          submitLabel="Rank by the competition's rules"
          pendingLabel="Ranking…"
          successMessage="Ranked."
          className="admin-form admin-form--inline"
        >
          <p className="hint">
            Orders the saved rows by {table.rules.tieBreakers.map((name) => TIE_BREAKER_LABELS[name].toLowerCase()).join(", then ")} (points left empty count {table.rules.points.win} for a win,{" "}
            {table.rules.points.draw} for a draw, {table.rules.points.loss} for a loss). Teams level on all of them share a rank, shown &quot;=3&quot;. Save your changes first.
          </p>
        </ActionForm>
      </section>
      <section className="admin-section" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit</h2>
        <ActionForm action={updateStandingsAction} record={{ id: table.id, version: table.version }} submitLabel="Save table" successMessage="Table saved.">
          <div className="form-row">
            <label>
              Name
              <input name="name" defaultValue={table.name ?? ""} maxLength={120} />
            </label>
            <label>
              As of <span className="hint">UTC</span>
              <input name="asOf" type="datetime-local" defaultValue={asOfInputValue(table.asOf)} />
            </label>
          </div>
          <p className="hint">Whole numbers, 0 or more; played must equal won + drawn + lost when all four are given; a team appears once. Form: the last results, W, D or L, newest last.</p>
          <RowsEditor key={table.version} caption={`Rows of ${title}`} columns={columns} initialRows={initialRows} rowNoun="row" />
        </ActionForm>
      </section>
    </>
  );
}
