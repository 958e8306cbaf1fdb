// The newsroom's writes to athletes: create, edit, delete. Like a team, an athlete has no version
// column: an edit names the updatedAt its form was loaded with (409 when it changed since). The
// photo is a picture from the media library, by id.
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { afterEventsChanged } from "../freshness";
import { newSportsSlug } from "../slugs";
import { CountryCode, LoadedAt, missingRecord, Name, nameKeyOf, OptionalId, parseInput, ProviderKey, RecordId, SportName, sportIdFor } from "./records-input";

const AthleteFields = z.object({
  name: Name,
  country: CountryCode.default(null),
  sport: SportName.default(null),
  key: ProviderKey.default(null),
  teamId: OptionalId.default(null),
  photoId: OptionalId.default(null),
});
const UpdateAthleteFields = AthleteFields.extend({ id: RecordId, updatedAt: LoadedAt });
const DeleteAthleteFields = z.object({ id: RecordId, updatedAt: LoadedAt });
type AthleteFields = z.output<typeof AthleteFields>;

const ref = (id: string) => ({ entityType: "Athlete", entityId: id, label: "this athlete" });
const KEY_TAKEN = "That provider key is already used by another athlete: each key names one athlete.";

async function checkReferences(tx: Tx, fields: AthleteFields, id?: string): Promise<void> {
  if (fields.key) {
    const other = await tx.athlete.findUnique({ where: { key: fields.key }, select: { id: true, name: true } });
    if (other && other.id !== id) throw new AppError("CONFLICT", `The provider key "${fields.key}" is already used by the athlete ${other.name}: each key names one athlete.`, { field: "key" });
  }
  if (fields.teamId && !(await tx.team.findUnique({ where: { id: fields.teamId }, select: { id: true } }))) throw missingRecord("teamId", "That team no longer exists: pick another.");
  if (fields.photoId && !(await tx.media.findUnique({ where: { id: fields.photoId }, select: { id: true } }))) throw missingRecord("photoId", "That picture is no longer in the media library: pick another.");
}

async function dataOf(tx: Tx, fields: AthleteFields) {
  return { name: fields.name, nameKey: nameKeyOf(fields.name), country: fields.country, key: fields.key, teamId: fields.teamId, photoId: fields.photoId, sportId: await sportIdFor(tx, fields.sport) };
}

// Its page, the pages of its team before and after, and its events (whose seasons' computed medal
// tables count its country).
async function athleteChangeTags(tx: Tx, athleteId: string, teamIds: (string | null)[]): Promise<string[]> {
  const participants = await tx.eventParticipant.findMany({ where: { athleteId }, select: { eventId: true }, distinct: ["eventId"] });
  const eventTags = await afterEventsChanged(
    tx,
    participants.map((p) => p.eventId),
  );
  const teamTags = teamIds.flatMap((teamId) => (teamId ? [cacheTags.team(teamId)] : []));
  return [...new Set([cacheTags.athlete(athleteId), cacheTags.sports, ...teamTags, ...eventTags])];
}

export async function createAthlete(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(AthleteFields, input, "athlete");
  const created = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await checkReferences(tx, fields);
        const slug = await newSportsSlug(tx, "athlete", fields.name);
        const athlete = await tx.athlete.create({ data: { ...(await dataOf(tx, fields)), slug }, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "sports.athlete.create", entityType: "Athlete", entityId: athlete.id, details: { ...fields, slug }, ip: context.ip });
        return { id: athlete.id, slug };
      }),
    KEY_TAKEN,
  );
  invalidateTags([cacheTags.athlete(created.id), cacheTags.sports, ...(fields.teamId ? [cacheTags.team(fields.teamId)] : [])]);
  return created;
}

export async function updateAthlete(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; updatedAt: string }> {
  assertCan(actor, "sports.edit");
  const { id, updatedAt, ...fields } = parseInput(UpdateAthleteFields, input, "athlete");
  const { tags, saved } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.athlete.findUnique({ where: { id }, include: { sport: { select: { name: true } } } });
        if (!before) throw notFound("That athlete");
        await checkReferences(tx, fields, id);
        await expectUpdated(tx.athlete.updateMany({ where: { id, updatedAt }, data: await dataOf(tx, fields) }), tx, ref(id));
        const details = {
          name: { from: before.name, to: fields.name },
          country: { from: before.country, to: fields.country },
          sport: { from: before.sport?.name ?? null, to: fields.sport },
          key: { from: before.key, to: fields.key },
          teamId: { from: before.teamId, to: fields.teamId },
          photoId: { from: before.photoId, to: fields.photoId },
        };
        await recordAudit(tx, { actorId: actor.id, action: "sports.athlete.update", entityType: "Athlete", entityId: id, details, ip: context.ip });
        const saved = await tx.athlete.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
        return { tags: await athleteChangeTags(tx, id, [before.teamId, fields.teamId]), saved };
      }),
    KEY_TAKEN,
  );
  invalidateTags(tags);
  return { id, updatedAt: saved.updatedAt.toISOString() };
}

export async function deleteAthlete(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ href: string }> {
  assertCan(actor, "sports.edit");
  const { id, updatedAt } = parseInput(DeleteAthleteFields, input, "athlete");
  const { teamId, articleIds } = await db.$transaction(async (tx) => {
    const athlete = await tx.athlete.findUnique({ where: { id }, include: { articles: { select: { articleId: true } } } });
    if (!athlete) throw notFound("That athlete");
    const events = await tx.eventParticipant.findMany({ where: { athleteId: id }, select: { event: { select: { id: true, name: true } } }, distinct: ["eventId"] });
    if (events.length) {
      const names = events.slice(0, 3).map((p) => p.event.name || p.event.id);
      throw new AppError(
        "CONFLICT",
        `${athlete.name} cannot be deleted: it is used by ${events.length} ${events.length === 1 ? "event" : "events"} (${names.join(", ")}${events.length > 3 ? ", …" : ""}). Take the athlete out of those first.`,
        { uses: names },
      );
    }
    await expectUpdated(tx.athlete.deleteMany({ where: { id, updatedAt } }), tx, ref(id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "sports.athlete.delete",
      entityType: "Athlete",
      entityId: id,
      details: { name: athlete.name, slug: athlete.slug, key: athlete.key, teamId: athlete.teamId },
      ip: context.ip,
    });
    return { teamId: athlete.teamId, articleIds: athlete.articles.map((link) => link.articleId) };
  });
  // Stories tagged with the athlete lose the tag (the link rows cascade).
  invalidateTags([cacheTags.athlete(id), cacheTags.sports, ...(teamId ? [cacheTags.team(teamId)] : []), ...articleIds.map(cacheTags.article)]);
  return { href: "/newsroom/sports/athletes" };
}
