import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { AthleteFields } from "@/components/newsroom/sports/records/athlete-fields";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { listAthletePhotoChoices } from "@/lib/sports/desk/athletes-queries";
import { listSportNames, listTeamChoices } from "@/lib/sports/desk/teams-queries";
import { createAthleteAction } from "../../actions-records";

export const metadata: Metadata = { title: "New athlete" };

export default async function NewAthletePage() {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/athletes/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const [sports, teams, photos] = await Promise.all([listSportNames(user), listTeamChoices(user), listAthletePhotoChoices(user)]);
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/athletes" label="Athletes" />
      <h1 className="admin-page-title">New athlete</h1>
      <section className="admin-section" aria-labelledby="athlete-heading">
        <h2 id="athlete-heading">Athlete</h2>
        <ActionForm action={createAthleteAction} submitLabel="Create athlete" successMessage="Athlete created." followHref>
          <AthleteFields sports={sports} teams={teams} photos={photos} />
        </ActionForm>
      </section>
    </>
  );
}
