// schema.org SportsEvent for a match or event (https://schema.org/SportsEvent): what search engines
// read from the match page, and what a story or live coverage about the match names as `about`.
// Pure: it takes the event as the reader pages load it (lib/sports/pages/views.ts).
import { absoluteUrl } from "../site-config";
import { athleteHref, eventTitle, matchHref, matchSides, teamHref, type EventSummary, type SideView } from "./pages/views";

export type SportsEventJsonLdInput = Pick<EventSummary, "id" | "name" | "stage" | "status" | "venue" | "startsAt" | "startsAtLocal" | "sport" | "competition"> & { sides: readonly SideView[] };

// Live and finished events are still "scheduled" in schema.org's terms: the status only says
// whether it was moved or called off.
const EVENT_STATUS = { POSTPONED: "https://schema.org/EventPostponed", CANCELLED: "https://schema.org/EventCancelled" } as const;

function competitorJsonLd(side: SideView) {
  if (side.team) return { "@type": "SportsTeam", name: side.team.name, url: side.team.slug ? absoluteUrl(teamHref(side.team.slug)) : undefined };
  if (side.athlete) return { "@type": "Person", name: side.athlete.name, url: side.athlete.slug ? absoluteUrl(athleteHref(side.athlete.slug)) : undefined };
  return null;
}

export function sportsEventJsonLd(event: SportsEventJsonLdInput) {
  const match = matchSides(event);
  const competitors = match ? {} : { competitor: event.sides.map(competitorJsonLd).filter((c) => c !== null) };
  return {
    "@context": "https://schema.org",
    "@type": "SportsEvent",
    name: eventTitle(event),
    description: event.competition ? [event.competition.name, event.competition.season, event.stage].filter(Boolean).join(", ") : (event.stage ?? undefined),
    sport: event.sport ?? undefined,
    startDate: event.startsAt ?? event.startsAtLocal ?? undefined,
    location: event.venue ? { "@type": "Place", name: event.venue } : undefined,
    ...(match ? { homeTeam: competitorJsonLd(match.home) ?? undefined, awayTeam: competitorJsonLd(match.away) ?? undefined } : competitors),
    eventStatus: event.status === "POSTPONED" || event.status === "CANCELLED" ? EVENT_STATUS[event.status] : "https://schema.org/EventScheduled",
    url: absoluteUrl(matchHref(event.id)),
  };
}
