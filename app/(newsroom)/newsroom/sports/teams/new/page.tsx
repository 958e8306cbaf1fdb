import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { TeamFields } from "@/components/newsroom/sports/records/team-fields";
import { requireScreen } from "@/lib/auth/screen";
import { listSportNames } from "@/lib/sports/desk/teams-queries";
import { createTeamAction } from "../../actions-records";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/teams/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const sports = await listSportNames(user);
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/teams" label="Teams" />
      <h1 className="admin-page-title">New team</h1>
      <section className="admin-section" aria-labelledby="team-heading">
        <h2 id="team-heading">Team</h2>
        <ActionForm action={createTeamAction} submitLabel="Create team" successMessage="Team created." followHref>
          <TeamFields sports={sports} />
        </ActionForm>
      </section>
    </>
  );
}
