import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { CompetitionFields } from "@/components/newsroom/sports/records/competition-fields";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { CHOOSABLE_TIE_BREAKERS, competitionRules, TIE_BREAKER_LABELS } from "@/lib/sports/desk/competitions";
import { getCompetition } from "@/lib/sports/desk/competitions-queries";
import { listSportNames } from "@/lib/sports/desk/teams-queries";
import { addSeasonAction, renameSeasonAction, updateCompetitionAction } from "../../actions-records";

export const metadata: Metadata = { title: "Competition" };

type Props = { params: Promise<{ id: string }> };

export default async function CompetitionPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/competitions/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const [competition, sports] = await Promise.all([getCompetition(user, id), listSportNames(user)]);
  if (!competition) notFound();
  const choices = CHOOSABLE_TIE_BREAKERS.map((value) => ({ value, label: TIE_BREAKER_LABELS[value] }));
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/competitions" label="Competitions" />
      <h1 className="admin-page-title">{competition.name}</h1>
      <p className="admin-lead">
        Standings ranked by {competition.rules.tieBreakers.map((name) => TIE_BREAKER_LABELS[name].toLowerCase()).join(", then ")} · reader page{" "}
        {competition.slug ? <a href={`/competitions/${competition.slug}`}>/competitions/{competition.slug}</a> : "none"} ·{" "}
        <a href={`/newsroom/admin/audit?entityType=Competition&entityId=${competition.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="competition-heading">
          <h2 id="competition-heading">Competition</h2>
          <ActionForm action={updateCompetitionAction} submitLabel="Save competition" successMessage="Competition saved.">
            <input type="hidden" name="id" value={competition.id} />
            <input type="hidden" name="revision" value={competition.revision} />
            <CompetitionFields competition={competition} sports={sports} choices={choices} defaults={competitionRules(null)} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="seasons-heading">
          <h2 id="seasons-heading">Seasons ({competition.seasons.length})</h2>
          {competition.seasons.length === 0 && <p className="muted">No seasons yet: add one to give it standings or a medal table.</p>}
          {competition.seasons.map((season) => (
            <div key={season.id} className="season">
              <ActionForm action={renameSeasonAction} submitLabel="Rename" successMessage="Season renamed." className="admin-form admin-form--inline">
                <input type="hidden" name="id" value={season.id} />
                <input type="hidden" name="loadedName" value={season.name} />
                <label>
                  Season name
                  <input name="name" defaultValue={season.name} required maxLength={60} />
                </label>
              </ActionForm>
              <p className="muted">
                {season._count.events} {season._count.events === 1 ? "event" : "events"} · {season._count.standings} standings {season._count.standings === 1 ? "table" : "tables"} ·{" "}
                {season.medalTable ? (
                  <a href={`/newsroom/sports/medal-tables/${season.medalTable.id}`}>medal table</a>
                ) : (
                  <a href={`/newsroom/sports/medal-tables/new?seasonId=${season.id}`}>add a medal table</a>
                )}{" "}
                · <a href={`/newsroom/sports/standings/new?seasonId=${season.id}`}>add standings</a>
              </p>
            </div>
          ))}
          <h3 id="add-season-heading">Add a season</h3>
          <ActionForm action={addSeasonAction} submitLabel="Add season" successMessage="Season added." resetOnSuccess>
            <input type="hidden" name="competitionId" value={competition.id} />
            <label>
              Name <span className="hint">e.g. 2025/26 or Milano Cortina 2026</span>
              <input name="name" required maxLength={60} />
            </label>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
