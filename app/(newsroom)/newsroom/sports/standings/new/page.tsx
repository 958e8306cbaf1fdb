import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { RecordBreadcrumb } from "@/components/newsroom/sports/records/record-list";
import { SeasonSelect } from "@/components/newsroom/sports/records/season-select";
import { requireScreen } from "@/lib/auth/screen";
import { listSeasonChoices } from "@/lib/sports/desk/competitions-queries";
import { createStandingsAction } from "../../actions-records";

export const metadata: Metadata = { title: "New standings table" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewStandingsPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/standings/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const { seasonId } = await searchParams;
  const seasons = await listSeasonChoices(user);
  return (
    <>
      <RecordBreadcrumb href="/newsroom/sports/standings" label="Standings" />
      <h1 className="admin-page-title">New standings table</h1>
      <section className="admin-section" aria-labelledby="standings-heading">
        <h2 id="standings-heading">Table</h2>
        {seasons.length === 0 ? (
          <p className="muted">
            There are no seasons yet: <a href="/newsroom/sports/competitions">add a competition and a season</a> first.
          </p>
        ) : (
          <ActionForm action={createStandingsAction} submitLabel="Create table" successMessage="Table created: add its rows." followHref>
            <SeasonSelect seasons={seasons} value={typeof seasonId === "string" ? seasonId : ""} />
            <label>
              Name <span className="hint">optional, e.g. &quot;Group A&quot;</span>
              <input name="name" maxLength={120} />
            </label>
            <label>
              As of <span className="hint">the date (and time, UTC) the table stands at; a season has one table per date</span>
              <input name="asOf" type="datetime-local" />
            </label>
          </ActionForm>
        )}
      </section>
    </>
  );
}
