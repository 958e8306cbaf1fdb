// An event as the audit log describes it (its facts and one line per participant), and what a
// correction changed between two such descriptions: the entry names each field's old and new value.
import "server-only";
import type { Tx } from "../../db";
import { cacheTags } from "../../cache/tags";
import { recomputeMedalTables } from "../freshness";
import { bySide } from "./events-queries";

type Value = string | number | boolean | null | string[];
export type EventSummary = Record<string, Value>;

export async function eventSummary(tx: Tx, id: string): Promise<EventSummary | null> {
  const event = await tx.sportsEvent.findUnique({
    where: { id },
    include: {
      participants: {
        where: { memberOfId: null },
        orderBy: { position: "asc" },
        include: { team: { select: { name: true } }, athlete: { select: { name: true } }, periods: { orderBy: { position: "asc" } } },
      },
    },
  });
  if (!event) return null;
  const participants = bySide(event.participants).map((p) => {
    const who = p.team?.name ?? p.athlete?.name ?? "?";
    const periods = p.periods.length ? ` (${p.periods.map((s) => `${s.period} ${s.score ?? "-"}`).join(", ")})` : "";
    const facts = [p.side?.toLowerCase(), p.rank !== null ? `rank ${p.rank}` : null, p.score !== null ? `score ${p.score}` : null, p.mark, p.record].filter(Boolean).join(" ");
    return `${who}: ${facts}${periods}`;
  });
  return {
    name: event.name,
    sportId: event.sportId,
    competitionSeasonId: event.competitionSeasonId,
    stage: event.stage,
    startsAt: event.startsAt?.toISOString() ?? null,
    venue: event.venue,
    status: event.status,
    period: event.period,
    minute: event.minute,
    attendance: event.attendance,
    medalEvent: event.medalEvent,
    participants,
  };
}

export function summaryDiff(before: EventSummary, after: EventSummary): Record<string, { from: Value; to: Value }> {
  const changes: Record<string, { from: Value; to: Value }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

// What the event showed before a change that may remove teams, athletes or its season: their
// pages must drop it too, and the old season's computed medal table is rebuilt without it.
export async function previousTags(tx: Tx, id: string): Promise<string[]> {
  const event = await tx.sportsEvent.findUniqueOrThrow({ where: { id }, select: { competitionSeasonId: true, participants: { select: { teamId: true, athleteId: true } } } });
  const tags = event.participants.flatMap((p) => [p.teamId ? cacheTags.team(p.teamId) : null, p.athleteId ? cacheTags.athlete(p.athleteId) : null]).filter((tag): tag is string => tag !== null);
  return tags;
}

// Run after the change: the old season, when the event left it, loses its podiums.
export async function leftSeasonTags(tx: Tx, seasonId: string | null, nowSeasonId: string | null): Promise<string[]> {
  if (!seasonId || seasonId === nowSeasonId) return [];
  const tables = await recomputeMedalTables(tx, [seasonId]);
  return [cacheTags.competitionSeason(seasonId), ...tables.map(cacheTags.medalTable)];
}
