import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { EventFields } from "@/components/newsroom/sports/events/event-fields";
import { PasteResults } from "@/components/newsroom/sports/events/paste-results";
import { PickerSearch } from "@/components/newsroom/sports/events/picker-search";
import { eventValues } from "@/components/newsroom/sports/events/event-values";
import { requireScreen } from "@/lib/auth/screen";
import { eventFormOptions, getEventForEdit } from "@/lib/sports/desk/events-queries";
import { applyPasteAction, previewPasteAction, updateEventAction } from "../../actions-events";

export const metadata: Metadata = { title: "Sports event" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// The event's own teams and athletes stay choosable whatever the pickers' search finds.
function withCurrent<T extends { id: string }>(found: T[], current: (T | null)[]): T[] {
  const missing = current.filter((item): item is T => item !== null && !found.some((f) => f.id === item.id));
  return [...missing, ...found];
}

// A match without a name of its own is called by its sides, as readers see it.
function eventHeading(event: { name: string | null; stage: string | null; participants: { side: string | null; team: { name: string } | null; athlete: { name: string } | null }[] }): string {
  if (event.name) return event.name;
  const [home, away] = event.participants.filter((p) => p.side);
  const name = (p: (typeof event.participants)[number]) => p.team?.name ?? p.athlete?.name ?? "?";
  return home && away ? `${name(home)} v ${name(away)}` : (event.stage ?? "Event");
}

export default async function SportsEventPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("sports.edit", `/newsroom/sports/events/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  const event = await getEventForEdit(user, id);
  if (!event) notFound();
  const query = await searchParams;
  const sportParam = first(query.sport);
  const sportId = /^[a-z0-9]{20,32}$/.test(sportParam) ? sportParam : (event.sportId ?? "");
  const who = first(query.who).slice(0, 100);
  const found = await eventFormOptions(user, sportId || null, who);
  const options = {
    ...found,
    teams: withCurrent(
      found.teams,
      event.participants.map((p) => p.team),
    ),
    athletes: withCurrent(
      found.athletes,
      event.participants.map((p) => p.athlete),
    ),
  };
  return (
    <section aria-labelledby="event-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/sports">Sports data</a> / <a href="/newsroom/sports/events">Events</a> /
      </p>
      <h1 id="event-title" className="admin-page-title">
        {eventHeading(event)}
      </h1>
      <p className="admin-lead">
        Version {event.version}
        {event.sport ? ` · ${event.sport.name}` : ""} · <a href={`/newsroom/admin/audit?entityType=SportsEvent&entityId=${event.id}`}>history</a>
      </p>
      <PickerSearch sports={options.sports} sportId={sportId} who={who} />
      {/* Remade for each version, so fields show what is stored after a save or a paste elsewhere. */}
      {first(query.saved) === String(event.version) && (
        <p role="status" className="form-status">
          Event saved (version {event.version}).
        </p>
      )}
      <ActionForm key={event.version} action={updateEventAction} record={{ id: event.id, version: event.version }} submitLabel="Save event" successMessage="Event saved." followHref>
        <EventFields values={eventValues(event)} options={options} />
      </ActionForm>
      <PasteResults eventId={event.id} version={event.version} preview={previewPasteAction} apply={applyPasteAction} />
    </section>
  );
}
