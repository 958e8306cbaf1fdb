// Creating and correcting sports events from the newsroom. Every write is one transaction: the
// version guard (a form names the version it showed; someone saving in between is a 409 and
// nothing is written), the event and its participants, an audit entry with what changed, and the
// tags to drop (lib/sports/freshness.ts, which also rebuilds computed medal tables), dropped after
// commit. An import's result fingerprint is left as it was, so a desk correction survives the same
// SportsML document arriving again.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { expectUpdated, notFound } from "../../concurrency";
import { assertCan, type Actor } from "../../permissions";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { afterEventsChanged } from "../freshness";
import { EventInput, Versioned } from "./events-schema";
import { eventSummary, leftSeasonTags, previousTags, summaryDiff, type EventSummary } from "./events-summary";

export type EventWriteResult = { id: string; version: number; tags: string[]; href: string };

const label = "this event";

function eventData(input: EventInput) {
  return {
    sportId: input.sportId,
    competitionSeasonId: input.competitionSeasonId,
    name: input.name,
    stage: input.stage,
    startsAt: input.startsAt,
    // A time entered here is an instant: the import's "as written" local time no longer applies.
    startsAtLocal: null,
    venue: input.venue,
    status: input.status,
    period: input.period,
    minute: input.minute,
    attendance: input.attendance,
    medalEvent: input.medalEvent,
  };
}

// The records the form names must exist (and be of the event's sport, when it has one).
async function checkReferences(tx: Tx, input: EventInput): Promise<void> {
  if (input.sportId && !(await tx.sport.findUnique({ where: { id: input.sportId }, select: { id: true } }))) throw new AppError("INVALID", "That sport no longer exists; reload the page.", { field: "sportId" });
  if (input.competitionSeasonId && !(await tx.competitionSeason.findUnique({ where: { id: input.competitionSeasonId }, select: { id: true } })))
    throw new AppError("INVALID", "That competition season no longer exists; reload the page.", { field: "competitionSeasonId" });
  const teamIds = [input.home?.teamId, input.away?.teamId, ...input.competitors.map((c) => c.teamId)].filter((id): id is string => Boolean(id));
  const athleteIds = input.competitors.flatMap((c) => (c.athleteId ? [c.athleteId] : []));
  const teams = await tx.team.count({ where: { id: { in: [...new Set(teamIds)] } } });
  const athletes = await tx.athlete.count({ where: { id: { in: [...new Set(athleteIds)] } } });
  if (teams !== new Set(teamIds).size) throw new AppError("INVALID", "A team the event names no longer exists; reload the page and pick it again.");
  if (athletes !== new Set(athleteIds).size) throw new AppError("INVALID", "An athlete the event names no longer exists; reload the page and pick them again.");
}

function outcomeOf(own: number | null, other: number | null, status: EventInput["status"]): string | null {
  if (status !== "FINAL" || own === null || other === null) return null;
  return own > other ? "win" : own < other ? "loss" : "tie";
}

type Side = NonNullable<EventInput["home"]>;

// A side whose team is unchanged keeps its row (and a line-up an import brought); another team
// replaces it.
async function writeSide(tx: Tx, eventId: string, side: "HOME" | "AWAY", value: Side, other: Side, status: EventInput["status"]): Promise<void> {
  const existing = await tx.eventParticipant.findFirst({ where: { eventId, side, memberOfId: null }, select: { id: true, teamId: true } });
  const data = { score: value.score, outcome: outcomeOf(value.score, other.score, status), mark: null, rank: null, record: null };
  let id: string;
  if (existing && existing.teamId === value.teamId) {
    await tx.eventParticipant.update({ where: { id: existing.id }, data });
    await tx.periodScore.deleteMany({ where: { participantId: existing.id } });
    id = existing.id;
  } else {
    if (existing) await tx.eventParticipant.delete({ where: { id: existing.id } });
    id = (await tx.eventParticipant.create({ data: { eventId, side, teamId: value.teamId, position: side === "HOME" ? 0 : 1, ...data } })).id;
  }
  if (value.periods.length) await tx.periodScore.createMany({ data: value.periods.map((p, position) => ({ participantId: id, position, period: p.period, score: p.score })) });
}

export async function writeParticipants(tx: Tx, eventId: string, input: EventInput): Promise<void> {
  if (input.home && input.away) {
    await tx.eventParticipant.deleteMany({ where: { eventId, memberOfId: null, side: null } });
    await writeSide(tx, eventId, "HOME", input.home, input.away, input.status);
    await writeSide(tx, eventId, "AWAY", input.away, input.home, input.status);
    return;
  }
  await tx.eventParticipant.deleteMany({ where: { eventId, memberOfId: null } });
  for (const [position, c] of input.competitors.entries()) {
    await tx.eventParticipant.create({ data: { eventId, position, teamId: c.teamId, athleteId: c.athleteId, rank: c.rank, mark: c.mark, score: c.score, record: c.record } });
  }
}

export function parseEventInput(input: unknown): EventInput {
  return EventInput.parse(input);
}

export async function createEvent(actor: Actor | null, input: unknown): Promise<EventWriteResult> {
  assertCan(actor, "sports.edit");
  const event = parseEventInput(input);
  let tags: string[] = [];
  const row = await db.$transaction(async (tx) => {
    await checkReferences(tx, event);
    const created = await tx.sportsEvent.create({ data: { identity: `desk:${randomUUID()}`, ...eventData(event) }, select: { id: true, version: true } });
    await writeParticipants(tx, created.id, event);
    const after = (await eventSummary(tx, created.id)) as EventSummary;
    await recordAudit(tx, { actorId: actor.id, action: "sports.event.create", entityType: "SportsEvent", entityId: created.id, details: after });
    tags = await afterEventsChanged(tx, [created.id]);
    return created;
  });
  invalidateTags(tags);
  return { id: row.id, version: row.version, tags, href: `/newsroom/sports/events/${row.id}` };
}

export async function updateEvent(actor: Actor | null, input: unknown): Promise<EventWriteResult> {
  assertCan(actor, "sports.edit");
  const { id, expectedVersion } = Versioned.parse(input);
  const event = parseEventInput(input);
  let tags: string[] = [];
  const version = await db.$transaction(async (tx) => {
    const before = await eventSummary(tx, id);
    if (!before) throw notFound("This event");
    await checkReferences(tx, event);
    const ref = { entityType: "SportsEvent", entityId: id, label };
    await expectUpdated(tx.sportsEvent.updateMany({ where: { id, version: expectedVersion }, data: { ...eventData(event), version: { increment: 1 } } }), tx, ref);
    // The teams and athletes it named before the change lose it as well.
    const previous = await previousTags(tx, id);
    await writeParticipants(tx, id, event);
    const after = (await eventSummary(tx, id)) as EventSummary;
    await recordAudit(tx, { actorId: actor.id, action: "sports.event.update", entityType: "SportsEvent", entityId: id, details: { version: expectedVersion + 1, changes: summaryDiff(before, after) } });
    const left = await leftSeasonTags(tx, before.competitionSeasonId as string | null, event.competitionSeasonId);
    tags = [...new Set([...previous, ...left, ...(await afterEventsChanged(tx, [id]))])];
    return expectedVersion + 1;
  });
  invalidateTags(tags);
  return { id, version, tags, href: `/newsroom/sports/events/${id}?saved=${version}` };
}
