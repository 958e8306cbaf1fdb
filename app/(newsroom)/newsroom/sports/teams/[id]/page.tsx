import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { TeamFields } from "@/components/newsroom/sports/records/team-fields";
import { requireScreen } from "@/lib/auth/screen";
import { getTeam, listSportNames } from "@/lib/sports/desk/teams-queries";
import { deleteTeamAction, updateTeamAction } from "../../actions-records";

export const metadata: Metadata = { title: "Team" };

type Props = { params: Promise<{ id: string }> };

export default async function TeamPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/teams/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const [team, sports] = await Promise.all([getTeam(user, id), listSportNames(user)]);
  if (!team) notFound();
  const loadedAt = team.updatedAt.toISOString();
  const uses = team._count.participants + team._count.standings;
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/teams" label="Teams" />
      <h1 className="admin-page-title">{team.name}</h1>
      <p className="admin-lead">
        In {team._count.participants} event {team._count.participants === 1 ? "entry" : "entries"} and {team._count.standings} standings {team._count.standings === 1 ? "row" : "rows"}, with{" "}
        {team._count.athletes} {team._count.athletes === 1 ? "athlete" : "athletes"} · reader page {team.slug ? <a href={`/teams/${team.slug}`}>/teams/{team.slug}</a> : "none"} ·{" "}
        <a href={`/newsroom/admin/audit?entityType=Team&entityId=${team.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="team-heading">
          <h2 id="team-heading">Team</h2>
          <ActionForm action={updateTeamAction} submitLabel="Save team" successMessage="Team saved.">
            <input type="hidden" name="id" value={team.id} />
            <input type="hidden" name="updatedAt" value={loadedAt} />
            <TeamFields team={team} sports={sports} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="muted">
            {uses > 0
              ? "This team is used by events or standings, so it cannot be deleted until it is taken out of them."
              : "Nothing uses this team. Deleting it also takes it off any story tagged with it; its athletes keep their records without a team."}
          </p>
          <ActionForm action={deleteTeamAction} submitLabel="Delete team" pendingLabel="Deleting…" successMessage="Team deleted." confirmMessage={`Delete ${team.name}?`} isDanger followHref>
            <input type="hidden" name="id" value={team.id} />
            <input type="hidden" name="updatedAt" value={loadedAt} />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
