// Sports events (matches, races, ties) and the tournaments that group them.
import { readParticipants } from "./participants";
import { firstChild, type SourceNode } from "./source";
import type { Competition, SportsEventDoc } from "./types";
import { codeOf, displayName, readDate, readStatus, wholeNumber } from "./values";

// XML wraps the codes in one sports-content-codes element; SportsJS lists them in its place.
function contentCodes(metadata: SourceNode | undefined): SourceNode[] {
  return (metadata?.children("sports-content-codes") ?? []).flatMap((holder) => (holder.attr("code-type") ? [holder] : holder.children("sports-content-code")));
}

// Competition facts from sports-content-codes (SportsML's own place for sport, league, season),
// over what the enclosing document already said.
export function withCodes(metadata: SourceNode | undefined, outer: Competition): Competition {
  const result = { ...outer };
  for (const code of contentCodes(metadata)) {
    const name = code.attr("code-name") || displayName(code);
    const type = codeOf(code.attr("code-type"));
    if (type === "sport" && name) result.sport = name;
    else if ((type === "league" || type === "tournament" || type === "competition") && name) result.competition = name;
    // A season is usually sent as a key alone ("season:2014"); its name is the key without the scheme.
    else if (type === "season") result.season = name || code.attr("code-key")?.replace(/^[^:]*:/, "") || result.season;
  }
  return result;
}

// Attendance is often written as a person would ("13,300"): thousands separators are accepted.
function readAttendance(metadata: SourceNode | undefined): number | null {
  for (const site of metadata?.children("site") ?? []) {
    for (const stats of site.children("site-stats")) {
      const attendance = wholeNumber(stats, "attendance", { isGrouped: true });
      if (attendance !== null) return attendance;
    }
  }
  return null;
}

export type EventContext = Competition & { stage: string | null };

export function readEvent(node: SourceNode, context: EventContext, skipped: string[]): SportsEventDoc {
  const metadata = firstChild(node, "event-metadata");
  const competition = withCodes(metadata, context);
  if (node.children("actions").length > 0) skipped.push(`${node.path}: actions (play-by-play) are not imported`);
  return {
    path: node.path,
    ...competition,
    key: metadata?.attr("key") || null,
    id: node.attr("id") || null,
    name: displayName(metadata),
    stage: context.stage,
    startsAt: metadata ? readDate(metadata, "start-date-time") : null,
    endsAt: metadata ? readDate(metadata, "end-date-time") : null,
    venue: displayName(firstChild(firstChild(metadata, "site"), "site-metadata")),
    status: metadata ? readStatus(metadata, "event-status", skipped) : null,
    attendance: readAttendance(metadata),
    participants: readParticipants(node, skipped),
    subEvents: node.children("sports-event").map((child) => readEvent(child, { ...competition, stage: context.stage }, skipped)),
  };
}

// A tournament's events, each told its division and rounds ("World group, Semi-final"); parts
// nest (a group phase holds its groups).
export function readTournament(node: SourceNode, context: Competition, skipped: string[]): SportsEventDoc[] {
  const outer = withCodes(firstChild(node, "tournament-metadata"), context);
  const named = { ...outer, competition: outer.competition ?? displayName(firstChild(node, "tournament-metadata")) };
  const readEvents = (holder: SourceNode, competition: Competition, stages: string[]): SportsEventDoc[] => [
    ...holder.children("sports-event").map((event) => readEvent(event, { ...competition, stage: stages.join(", ") || null }, skipped)),
    ...holder.children("tournament-part").flatMap((part) => {
      const metadata = firstChild(part, "tournament-part-metadata");
      return readEvents(part, withCodes(metadata, competition), [...stages, displayName(metadata) ?? ""].filter(Boolean));
    }),
  ];
  const divisions = node.children("tournament-division").flatMap((division) => {
    const metadata = firstChild(division, "tournament-division-metadata");
    return readEvents(division, withCodes(metadata, named), [displayName(metadata) ?? ""].filter(Boolean));
  });
  return [...readEvents(node, named, []), ...divisions];
}
