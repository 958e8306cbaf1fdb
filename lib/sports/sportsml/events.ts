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
    const value = code.attr("code-name") || displayName(code) || code.attr("code-key");
    if (!value) continue;
    const type = codeOf(code.attr("code-type"));
    if (type === "sport") result.sport = value;
    else if (type === "league" || type === "tournament" || type === "competition") result.competition = value;
    else if (type === "season") result.season = value;
  }
  return result;
}

function readAttendance(metadata: SourceNode | undefined): number | null {
  for (const site of metadata?.children("site") ?? []) {
    for (const stats of site.children("site-stats")) {
      const attendance = wholeNumber(stats, "attendance");
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
    participants: readParticipants(node),
    subEvents: node.children("sports-event").map((child) => readEvent(child, { ...competition, stage: context.stage }, skipped)),
  };
}

// A tournament's events, each told its division and round ("World group", "Semi-final").
export function readTournament(node: SourceNode, context: Competition, skipped: string[]): SportsEventDoc[] {
  const outer = withCodes(firstChild(node, "tournament-metadata"), context);
  const tournamentName = displayName(firstChild(node, "tournament-metadata"));
  const named = { ...outer, competition: outer.competition ?? tournamentName };
  const events: SportsEventDoc[] = [];
  const readParts = (holder: SourceNode, division: Competition, divisionName: string | null) => {
    for (const part of holder.children("tournament-part")) {
      const partName = displayName(firstChild(part, "tournament-part-metadata"));
      const stage = [divisionName, partName].filter(Boolean).join(", ") || null;
      events.push(...part.children("sports-event").map((event) => readEvent(event, { ...division, stage }, skipped)));
    }
    events.push(...holder.children("sports-event").map((event) => readEvent(event, { ...division, stage: divisionName }, skipped)));
  };
  readParts(node, named, null);
  for (const division of node.children("tournament-division")) {
    const metadata = firstChild(division, "tournament-division-metadata");
    readParts(division, withCodes(metadata, named), displayName(metadata));
  }
  return events;
}
