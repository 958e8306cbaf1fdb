import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { EventFields } from "@/components/newsroom/sports/events/event-fields";
import { PickerSearch } from "@/components/newsroom/sports/events/picker-search";
import { emptyEventValues } from "@/components/newsroom/sports/events/event-values";
import { requireScreen } from "@/lib/auth/screen";
import { eventFormOptions } from "@/lib/sports/desk/events-queries";
import { createEventAction } from "../../actions-events";

export const metadata: Metadata = { title: "New sports event" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function NewSportsEventPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports/events/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const params = await searchParams;
  const sportId = /^[a-z0-9]{20,32}$/.test(first(params.sport)) ? first(params.sport) : "";
  const who = first(params.who).slice(0, 100);
  const options = await eventFormOptions(user, sportId || null, who);
  return (
    <section aria-labelledby="new-event-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/sports">Sports data</a> / <a href="/newsroom/sports/events">Events</a> /
      </p>
      <h1 id="new-event-title" className="admin-page-title">
        New event
      </h1>
      <PickerSearch sports={options.sports} sportId={sportId} who={who} />
      <ActionForm action={createEventAction} submitLabel="Create event" successMessage="Event created." followHref>
        <EventFields values={emptyEventValues(sportId)} options={options} />
      </ActionForm>
    </section>
  );
}
