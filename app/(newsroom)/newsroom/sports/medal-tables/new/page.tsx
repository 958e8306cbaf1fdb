import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { MedalSourceField } from "@/components/newsroom/sports/records/medal-source";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { SeasonSelect } from "@/components/newsroom/sports/records/season-select";
import { requireScreen } from "@/lib/auth/screen";
import { listSeasonChoices } from "@/lib/sports/desk/competitions-queries";
import { createMedalTableAction } from "../../actions-records";

export const metadata: Metadata = { title: "New medal table" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewMedalTablePage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/medal-tables/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const { seasonId } = await searchParams;
  const seasons = (await listSeasonChoices(user)).filter((season) => !season.hasMedalTable);
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/medal-tables" label="Medal tables" />
      <h1 className="admin-page-title">New medal table</h1>
      <section className="admin-section" aria-labelledby="medal-heading">
        <h2 id="medal-heading">Medal table</h2>
        {seasons.length === 0 ? (
          <p className="muted">
            Every season has a medal table already (a season has one): <a href="/newsroom/sports/competitions">add a season</a> first.
          </p>
        ) : (
          <ActionForm action={createMedalTableAction} submitLabel="Create medal table" successMessage="Medal table created." followHref>
            <SeasonSelect seasons={seasons} value={typeof seasonId === "string" ? seasonId : ""} />
            <MedalSourceField value="computed" />
          </ActionForm>
        )}
      </section>
    </>
  );
}
