import type { Metadata } from "next";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { EventFiltersForm } from "@/components/newsroom/sports/events/event-filters";
import { EventsTable } from "@/components/newsroom/sports/events/events-table";
import { requireScreen } from "@/lib/auth/screen";
import { listEvents, listSeasonChoices, parseEventFilters } from "@/lib/sports/desk/events-queries";

export const metadata: Metadata = { title: "Sports events" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SportsEventsPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/events");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const filters = parseEventFilters(params);
  const [{ rows, total, pages }, seasons] = await Promise.all([listEvents(user, filters), listSeasonChoices(user)]);
  return (
    <section aria-labelledby="events-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/sports">Sports data</a> /
      </p>
      <h1 id="events-title" className="admin-page-title">
        Events and results
      </h1>
      <p className="admin-lead" id="paste">
        Matches, races and ties, latest start first. Open one to correct it or to paste its results table. <a href="/newsroom/sports/events/new">New event</a>
      </p>
      <EventFiltersForm filters={filters} seasons={seasons} />
      <h2 id="events-heading" className="result-line">
        {total} {total === 1 ? "event" : "events"}
      </h2>
      {rows.length > 0 ? <EventsTable rows={rows} /> : <p className="muted">No events match.</p>}
      <Pager page={filters.page} pages={pages} params={params} />
    </section>
  );
}
