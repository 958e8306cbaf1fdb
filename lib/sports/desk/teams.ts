// The newsroom's writes to teams: create, edit, delete. A team has no version column; an edit names
// the updatedAt its form was loaded with and is refused (409) when the team changed since. A team
// shows on match pages, score boxes, standings and (by its country) computed medal tables, so a
// change drops all of those, worked out by lib/sports/freshness.ts.
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { afterEventsChanged, standingsChangeTags } from "../freshness";
import { newSportsSlug } from "../slugs";
import { CountryCode, LoadedAt, Name, nameKeyOf, parseInput, ProviderKey, RecordId, SportName, sportIdFor } from "./records-input";

const TeamFields = z.object({ name: Name, country: CountryCode.default(null), sport: SportName.default(null), key: ProviderKey.default(null) });
const UpdateTeamFields = TeamFields.extend({ id: RecordId, updatedAt: LoadedAt });
const DeleteTeamFields = z.object({ id: RecordId, updatedAt: LoadedAt });

const ref = (id: string) => ({ entityType: "Team", entityId: id, label: "this team" });
const KEY_TAKEN = "That provider key is already used by another team: each key names one team.";

async function refuseTakenKey(tx: Tx, key: string | null, id?: string): Promise<void> {
  if (!key) return;
  const other = await tx.team.findUnique({ where: { key }, select: { id: true, name: true } });
  if (other && other.id !== id) throw new AppError("CONFLICT", `The provider key "${key}" is already used by the team ${other.name}: each key names one team.`, { field: "key" });
}

// Everything showing this team: its page, its events (and their seasons' computed medal tables,
// which count its country), and the standings it appears in.
export async function teamChangeTags(tx: Tx, teamId: string): Promise<string[]> {
  const [participants, rows] = await Promise.all([
    tx.eventParticipant.findMany({ where: { teamId }, select: { eventId: true }, distinct: ["eventId"] }),
    tx.standingsRow.findMany({ where: { teamId }, select: { standingsId: true } }),
  ]);
  const eventTags = await afterEventsChanged(
    tx,
    participants.map((p) => p.eventId),
  );
  const standingsTags = await standingsChangeTags(tx, [...new Set(rows.map((row) => row.standingsId))]);
  return [...new Set([cacheTags.team(teamId), cacheTags.sports, ...eventTags, ...standingsTags])];
}

export async function createTeam(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(TeamFields, input, "team");
  const created = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await refuseTakenKey(tx, fields.key);
        const slug = await newSportsSlug(tx, "team", fields.name);
        const sportId = await sportIdFor(tx, fields.sport);
        const team = await tx.team.create({ data: { name: fields.name, nameKey: nameKeyOf(fields.name), country: fields.country, key: fields.key, slug, sportId }, select: { id: true, slug: true } });
        await recordAudit(tx, { actorId: actor.id, action: "sports.team.create", entityType: "Team", entityId: team.id, details: { ...fields, slug }, ip: context.ip });
        return { id: team.id, slug };
      }),
    KEY_TAKEN,
  );
  invalidateTags([cacheTags.team(created.id), cacheTags.sports]);
  return created;
}

export async function updateTeam(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; updatedAt: string }> {
  assertCan(actor, "sports.edit");
  const { id, updatedAt, ...fields } = parseInput(UpdateTeamFields, input, "team");
  const { tags, saved } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.team.findUnique({ where: { id }, include: { sport: { select: { name: true } } } });
        if (!before) throw notFound("That team");
        await refuseTakenKey(tx, fields.key, id);
        const sportId = await sportIdFor(tx, fields.sport);
        const data = { name: fields.name, nameKey: nameKeyOf(fields.name), country: fields.country, key: fields.key, sportId };
        await expectUpdated(tx.team.updateMany({ where: { id, updatedAt }, data }), tx, ref(id));
        const details = {
          name: { from: before.name, to: fields.name },
          country: { from: before.country, to: fields.country },
          sport: { from: before.sport?.name ?? null, to: fields.sport },
          key: { from: before.key, to: fields.key },
        };
        await recordAudit(tx, { actorId: actor.id, action: "sports.team.update", entityType: "Team", entityId: id, details, ip: context.ip });
        const saved = await tx.team.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
        return { tags: await teamChangeTags(tx, id), saved };
      }),
    KEY_TAKEN,
  );
  invalidateTags(tags);
  return { id, updatedAt: saved.updatedAt.toISOString() };
}

// What uses a team, as the refusal names it: "3 events (Villa v City, …) and 1 standings table".
async function usesOfTeam(tx: Tx, teamId: string): Promise<string[]> {
  const [events, eventCount, tables, tableCount] = await Promise.all([
    tx.eventParticipant.findMany({ where: { teamId }, select: { event: { select: { name: true, id: true } } }, distinct: ["eventId"], take: 3 }),
    tx.eventParticipant.findMany({ where: { teamId }, select: { eventId: true }, distinct: ["eventId"] }).then((rows) => rows.length),
    tx.standingsRow.findMany({ where: { teamId }, select: { standings: { select: { name: true, competitionSeason: { select: { name: true, competition: { select: { name: true } } } } } } }, take: 3 }),
    tx.standingsRow.count({ where: { teamId } }),
  ]);
  const uses: string[] = [];
  if (eventCount) uses.push(`${eventCount} ${eventCount === 1 ? "event" : "events"} (${events.map((p) => p.event.name || p.event.id).join(", ")}${eventCount > 3 ? ", …" : ""})`);
  if (tableCount) {
    const names = tables.map((row) => row.standings.name || `${row.standings.competitionSeason.competition.name} ${row.standings.competitionSeason.name}`.trim());
    uses.push(`${tableCount} standings ${tableCount === 1 ? "table" : "tables"} (${names.join(", ")}${tableCount > 3 ? ", …" : ""})`);
  }
  return uses;
}

export async function deleteTeam(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ href: string }> {
  assertCan(actor, "sports.edit");
  const { id, updatedAt } = parseInput(DeleteTeamFields, input, "team");
  const articleIds = await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, include: { articles: { select: { articleId: true } } } });
    if (!team) throw notFound("That team");
    const uses = await usesOfTeam(tx, id);
    if (uses.length) throw new AppError("CONFLICT", `${team.name} cannot be deleted: it is used by ${uses.join(" and ")}. Take it out of those first.`, { uses });
    await expectUpdated(tx.team.deleteMany({ where: { id, updatedAt } }), tx, ref(id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "sports.team.delete",
      entityType: "Team",
      entityId: id,
      details: { name: team.name, slug: team.slug, key: team.key, country: team.country },
      ip: context.ip,
    });
    return team.articles.map((link) => link.articleId);
  });
  // Stories tagged with it lose the tag (the link rows cascade).
  invalidateTags([cacheTags.team(id), cacheTags.sports, ...articleIds.map(cacheTags.article)]);
  return { href: "/newsroom/sports/teams" };
}
