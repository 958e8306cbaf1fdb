import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { CompetitionFields } from "@/components/newsroom/sports/records/competition-fields";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { requireScreen } from "@/lib/auth/screen";
import { CHOOSABLE_TIE_BREAKERS, competitionRules, TIE_BREAKER_LABELS } from "@/lib/sports/desk/competitions";
import { listSportNames } from "@/lib/sports/desk/teams-queries";
import { createCompetitionAction } from "../../actions-records";

export const metadata: Metadata = { title: "New competition" };

export default async function NewCompetitionPage() {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/competitions/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const sports = await listSportNames(user);
  const choices = CHOOSABLE_TIE_BREAKERS.map((value) => ({ value, label: TIE_BREAKER_LABELS[value] }));
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/competitions" label="Competitions" />
      <h1 className="admin-page-title">New competition</h1>
      <section className="admin-section" aria-labelledby="competition-heading">
        <h2 id="competition-heading">Competition</h2>
        <ActionForm action={createCompetitionAction} submitLabel="Create competition" successMessage="Competition created." followHref>
          <CompetitionFields sports={sports} choices={choices} defaults={competitionRules(null)} />
        </ActionForm>
      </section>
    </>
  );
}
