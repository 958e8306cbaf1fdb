// Teams and players taking part in an event: who they are, which side, and how they did.
import { firstChild, type SourceNode } from "./source";
import type { Outcome, Participant, PeriodScore, Side } from "./types";
import { codeOf, displayName, readScore, sportsMlRefusal, wholeNumber, type Score } from "./values";

const OUTCOMES: Record<string, Outcome> = { win: "win", loss: "loss", tie: "tie", draw: "tie" };

// Event-wide stats: a group with no temporal unit, or one covering the whole event (not a period).
function eventStats(stats: SourceNode): SourceNode[] {
  return stats.children("stats").filter((group) => {
    const unit = codeOf(group.attr("temporal-unit-type"));
    return unit === "" || unit === "event";
  });
}

// A generic stat ("spstat:score", "spstat:event-outcome") from the event-wide groups.
function eventStat(stats: SourceNode, type: string): SourceNode | undefined {
  for (const group of eventStats(stats)) {
    const stat = group.children("stat").find((candidate) => codeOf(candidate.attr("stat-type")) === type);
    if (stat) return stat;
  }
  return undefined;
}

// SportsML 3 puts the score on team-stats@score, or, in generic stats, in a stat of type
// spstat:score; the attribute wins when both are there.
function scoreOf(stats: SourceNode | undefined): Score {
  if (!stats) return { score: null, mark: null };
  const direct = readScore(stats);
  const stat = direct.score === null && direct.mark === null ? eventStat(stats, "score") : undefined;
  return stat ? readScore(stat, "value") : direct;
}

function outcomeOf(stats: SourceNode | undefined): Outcome | null {
  if (!stats) return null;
  const value = stats.attr("event-outcome") || eventStat(stats, "event-outcome")?.attr("value");
  return OUTCOMES[codeOf(value)] ?? null;
}

// The place in this event is a rank with no type (or an event-wide one); typed ranks such as
// "vendrt:single" are world rankings and say nothing about this event.
function rankOf(stats: SourceNode | undefined): number | null {
  const rank = stats?.children("rank").find((candidate) => ["", "event", "events-all"].includes(codeOf(candidate.attr("type"))));
  return rank ? wholeNumber(rank, "value") : null;
}

function periodsOf(stats: SourceNode | undefined): PeriodScore[] {
  return (stats?.children("sub-score") ?? []).map((sub) => ({ period: sub.attr("period-value") ?? "", name: sub.attr("sub-score-name") || null, ...readScore(sub) }));
}

function sideOf(metadata: SourceNode | undefined): Side | null {
  const alignment = codeOf(metadata?.attr("alignment"));
  return alignment === "home" || alignment === "away" ? alignment : null;
}

// A line-up may list players by key alone (their names sent once in a roster): kept, unnamed.
function readParticipant(node: SourceNode, kind: Participant["kind"], skipped: string[]): Participant {
  const metadata = firstChild(node, `${kind}-metadata`);
  const stats = firstChild(node, `${kind}-stats`);
  const name = displayName(metadata) ?? metadata?.attr("nationality") ?? null;
  const key = metadata?.attr("key") || null;
  return {
    kind,
    id: node.attr("id") || null,
    key,
    name,
    side: sideOf(metadata),
    ...scoreOf(stats),
    outcome: outcomeOf(stats),
    rank: rankOf(stats),
    periods: periodsOf(stats),
    members: kind === "team" ? entered(node, "player", skipped).map((player) => readParticipant(player, "player", skipped)) : [],
  };
}

// The same team or player on both sides (or twice in one event) is a broken document, not a derby.
function refuseRepeats(participants: Participant[], nodes: SourceNode[]): void {
  const seen = new Map<string, number>();
  participants.forEach((participant, index) => {
    const identity = participant.key ?? participant.id ?? `name:${participant.name}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      const sides = participants[earlier].side && participant.side && participants[earlier].side !== participant.side ? " on both sides" : " twice";
      throw sportsMlRefusal(nodes[index].path, `${participant.kind} ${JSON.stringify(participant.key ?? participant.name)} takes part${sides} (also ${nodes[earlier].path})`);
    }
    seen.set(identity, index);
  });
  const sides = participants.map((participant) => participant.side).filter(Boolean);
  if (sides.length === 2 && sides[0] === sides[1]) throw sportsMlRefusal(nodes[1].path, `both participants are on the ${sides[0]} side`);
}

// A placeholder (`<player><player-metadata/></player>`, `{}`) names no one: left out, and said so.
function entered(holder: SourceNode, kind: Participant["kind"], skipped: string[]): SourceNode[] {
  return holder.children(kind).filter((node) => {
    const metadata = firstChild(node, `${kind}-metadata`);
    const isNamed = Boolean(metadata && (metadata.attr("key") || displayName(metadata) || metadata.attr("nationality")));
    if (!isNamed) skipped.push(`${node.path}: a ${kind} with no name or key is left out`);
    return isNamed;
  });
}

// Teams first, then players entered on their own (tennis singles, individual races).
export function readParticipants(event: SourceNode, skipped: string[]): Participant[] {
  const teams = entered(event, "team", skipped);
  const players = entered(event, "player", skipped);
  const participants = [...teams.map((team) => readParticipant(team, "team", skipped)), ...players.map((player) => readParticipant(player, "player", skipped))];
  refuseRepeats(participants, [...teams, ...players]);
  return participants;
}
