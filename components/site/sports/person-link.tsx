import { athleteHref, teamHref, type PersonRef, type SideView } from "@/lib/sports/pages/views";

// A team's or athlete's name, linked to its page when it has one.
export function PersonLink({ person, kind }: { person: PersonRef; kind: "team" | "athlete" }) {
  if (!person.slug) return <>{person.name}</>;
  return <a href={kind === "team" ? teamHref(person.slug) : athleteHref(person.slug)}>{person.name}</a>;
}

export function SideLink({ side }: { side: Pick<SideView, "team" | "athlete"> }) {
  if (side.team) return <PersonLink person={side.team} kind="team" />;
  if (side.athlete) return <PersonLink person={side.athlete} kind="athlete" />;
  return <>Unknown</>;
}
