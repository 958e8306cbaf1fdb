// Writing one SportsML event (and its sub-events) inside the import's transaction. An event seen
// before (same identity) is rewritten only when it brings a newer status or a different result;
// a document older than what is stored (a live score after the final) changes nothing.
import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "../db";
import type { SportsRecords } from "./records";
import type { EventStatus, Participant, SportsEventDoc } from "./sportsml/types";
import { sportsMlRefusal } from "./sportsml/values";

export type ImportOutcome = "created" | "updated" | "unchanged";
export type EventResult = { path: string; id: string; name: string | null; outcome: ImportOutcome; version: number };

const STATUS = { scheduled: "SCHEDULED", live: "LIVE", final: "FINAL", postponed: "POSTPONED", cancelled: "CANCELLED" } as const;
type StoredStatus = (typeof STATUS)[EventStatus];
// How far along an event is: a document with an earlier status than the stored one is older news
// (a postponed match may still be played; a cancelled one is as final as a result).
const PROGRESS: Record<StoredStatus, number> = { SCHEDULED: 0, POSTPONED: 1, LIVE: 2, FINAL: 3, CANCELLED: 3 };

// The provider's key, else a fingerprint of what does not change as the event is played.
export function eventIdentity(doc: SportsEventDoc, parentIdentity: string | null, position: number): string {
  if (doc.key) return `key:${doc.key}`;
  const who = doc.participants.map((p) => `${p.kind}:${p.key ?? p.name?.toLowerCase() ?? ""}`).sort();
  const parts = [parentIdentity, parentIdentity ? position : null, doc.sport, doc.competition, doc.season, doc.stage, doc.name, doc.startsAt, who];
  return `doc:${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40)}`;
}

// A fingerprint of the scores, marks, places and outcomes (periods and line-ups included), stored
// with the event to tell a changed result from the same one sent again.
function resultOf(participants: Participant[]): string {
  const shape = (p: Participant): unknown => [p.key ?? p.name, p.score, p.mark, p.rank, p.outcome, p.periods.map((s) => [s.period, s.name, s.score, s.mark]), p.members.map(shape)];
  return createHash("sha256")
    .update(JSON.stringify(participants.map(shape)))
    .digest("hex");
}

const instant = (value: string | null) => (value?.endsWith("Z") ? new Date(value) : null);
const local = (value: string | null) => (value && !value.endsWith("Z") ? value : null);

export type EventWriter = { tx: Tx; records: SportsRecords; seen: Map<string, string>; skipped: string[]; results: EventResult[] };

type Stored = { status: StoredStatus | null; result: string };

// A stored event changes only for a newer status, or another result at the same status (or none given).
function planEvent(existing: Stored | null, status: StoredStatus | null, result: string): ImportOutcome {
  if (!existing) return "created";
  const stored = existing.status ? PROGRESS[existing.status] : -1;
  // A document that gives no status does not say the event went back.
  const incoming = status ? PROGRESS[status] : stored;
  return incoming > stored || (incoming === stored && existing.result !== result) ? "updated" : "unchanged";
}

function eventFields(doc: SportsEventDoc, parentId: string | null, position: number) {
  return {
    key: doc.key,
    parentId,
    position,
    name: doc.name,
    stage: doc.stage,
    startsAt: instant(doc.startsAt),
    startsAtLocal: local(doc.startsAt),
    endsAt: instant(doc.endsAt),
    endsAtLocal: local(doc.endsAt),
    venue: doc.venue,
    attendance: doc.attendance,
    result: resultOf(doc.participants),
  };
}

export async function writeEvent(w: EventWriter, doc: SportsEventDoc, parent: { id: string; identity: string } | null, position: number): Promise<void> {
  const identity = eventIdentity(doc, parent?.identity ?? null, position);
  const earlier = w.seen.get(identity);
  if (earlier) throw sportsMlRefusal(doc.path, `is the same event as ${earlier} (the same key, or no key and the same participants and start)`);
  w.seen.set(identity, doc.path);
  const sportId = await w.records.sport(doc.sport);
  const seasonId = await w.records.season(sportId, doc.competition, doc.season);
  const existing = await w.tx.sportsEvent.findUnique({ where: { identity } });
  const status = doc.status ? STATUS[doc.status] : null;
  const fields = eventFields(doc, parent?.id ?? null, position);
  const outcome = planEvent(existing, status, fields.result);
  let row: { id: string; version: number } | null = existing;
  if (outcome === "created") {
    row = await w.tx.sportsEvent.create({ data: { identity, ...fields, status, sportId, competitionSeasonId: seasonId } });
  } else if (outcome === "updated" && existing) {
    const data = { ...fields, status: status ?? existing.status, sportId: sportId ?? existing.sportId, competitionSeasonId: seasonId ?? existing.competitionSeasonId, version: { increment: 1 } };
    row = await w.tx.sportsEvent.update({ where: { id: existing.id }, data });
    await w.tx.eventParticipant.deleteMany({ where: { eventId: existing.id } });
  }
  if (outcome !== "unchanged") await writeParticipants(w, row!.id, sportId ?? existing?.sportId ?? null, doc.participants, null);
  w.results.push({ path: doc.path, id: row!.id, name: doc.name, outcome, version: row!.version });
  for (const [index, sub] of doc.subEvents.entries()) await writeEvent(w, sub, { id: row!.id, identity }, index);
}

const SIDE = { home: "HOME", away: "AWAY" } as const;

async function writeParticipants(w: EventWriter, eventId: string, sportId: string | null, participants: Participant[], memberOf: { id: string; teamId: string | null } | null): Promise<void> {
  for (const [position, p] of participants.entries()) {
    const teamId = p.kind === "team" ? await w.records.team(p, sportId) : null;
    const athleteId = p.kind === "player" ? await w.records.athlete(p, sportId, memberOf?.teamId ?? null) : null;
    if (!teamId && !athleteId) {
      w.skipped.push(`${p.kind} ${JSON.stringify(p.key)}: named by key alone and not known to Pressbox; left out`);
      continue;
    }
    const row = await w.tx.eventParticipant.create({
      data: { eventId, teamId, athleteId, memberOfId: memberOf?.id ?? null, side: p.side ? SIDE[p.side] : null, position, score: p.score, mark: p.mark, rank: p.rank, outcome: p.outcome },
    });
    if (p.periods.length) await w.tx.periodScore.createMany({ data: p.periods.map((s, index) => ({ participantId: row.id, position: index, period: s.period, name: s.name, score: s.score, mark: s.mark })) });
    if (p.members.length) await writeParticipants(w, eventId, sportId, p.members, { id: row.id, teamId });
  }
}
