import { formatDate, formatDateTime } from "@/lib/format-date";
import type { EventSummary } from "@/lib/sports/pages/views";

// When an event starts: the instant in the newsroom's zone, or the local time as the data gave it.
export function EventWhen({ event, withTime = false }: { event: Pick<EventSummary, "startsAt" | "startsAtLocal">; withTime?: boolean }) {
  if (event.startsAt) return <time dateTime={event.startsAt}>{withTime ? formatDateTime(event.startsAt) : formatDate(event.startsAt)}</time>;
  if (event.startsAtLocal) return <span>{event.startsAtLocal.replace("T", " ")}</span>;
  return <span>Date to be confirmed</span>;
}
