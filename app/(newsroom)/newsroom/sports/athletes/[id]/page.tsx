import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { AthleteFields } from "@/components/newsroom/sports/records/athlete-fields";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { getAthlete, listAthletePhotoChoices } from "@/lib/sports/desk/athletes-queries";
import { listSportNames, listTeamChoices } from "@/lib/sports/desk/teams-queries";
import { deleteAthleteAction, updateAthleteAction } from "../../actions-records";

export const metadata: Metadata = { title: "Athlete" };

type Props = { params: Promise<{ id: string }> };

export default async function AthletePage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/athletes/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const [athlete, sports, teams, photos] = await Promise.all([getAthlete(user, id), listSportNames(user), listTeamChoices(user), listAthletePhotoChoices(user)]);
  if (!athlete) notFound();
  // The current team and photo stay choosable even when older than the pickers' lists.
  const teamChoices = athlete.team && !teams.some((t) => t.id === athlete.team!.id) ? [{ id: athlete.team.id, label: athlete.team.name }, ...teams] : teams;
  const photoChoices = athlete.photo && !photos.some((p) => p.id === athlete.photo!.id) ? [{ id: athlete.photo.id, label: athlete.photo.altText || athlete.photo.originalName }, ...photos] : photos;
  const loadedAt = athlete.updatedAt.toISOString();
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/athletes" label="Athletes" />
      <h1 className="admin-page-title">{athlete.name}</h1>
      <p className="admin-lead">
        In {athlete._count.participants} event {athlete._count.participants === 1 ? "entry" : "entries"} · reader page{" "}
        {athlete.slug ? <a href={`/athletes/${athlete.slug}`}>/athletes/{athlete.slug}</a> : "none"} · <a href={`/newsroom/admin/audit?entityType=Athlete&entityId=${athlete.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="athlete-heading">
          <h2 id="athlete-heading">Athlete</h2>
          <ActionForm action={updateAthleteAction} submitLabel="Save athlete" successMessage="Athlete saved.">
            <input type="hidden" name="id" value={athlete.id} />
            <input type="hidden" name="updatedAt" value={loadedAt} />
            <AthleteFields athlete={athlete} sports={sports} teams={teamChoices} photos={photoChoices} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="muted">{athlete._count.participants > 0 ? "This athlete is in events' results, so it cannot be deleted until taken out of them." : "Nothing uses this athlete."}</p>
          <ActionForm action={deleteAthleteAction} submitLabel="Delete athlete" pendingLabel="Deleting…" successMessage="Athlete deleted." confirmMessage={`Delete ${athlete.name}?`} isDanger followHref>
            <input type="hidden" name="id" value={athlete.id} />
            <input type="hidden" name="updatedAt" value={loadedAt} />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
