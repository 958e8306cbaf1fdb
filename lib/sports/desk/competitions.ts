// The newsroom's writes to competitions and their seasons. A competition's standings rules live
// in Competition.tieBreakers as {tieBreakers, points}: points first, then the chosen tie-breakers
// in order (only those lib/sports/ranking.ts can apply), and the points for a win, draw and loss.
// An edit sends the `revision` (a digest of the fields the form showed) and is refused (409) when
// the competition no longer matches it; the write itself is a compare-and-set on the version the
// transaction read, so of two saves made at once only one lands. A season is renamed only from
// the name the form showed.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { notFound, staleRecordError, withUniqueCheck, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { FOOTBALL_POINTS, FOOTBALL_TIE_BREAKERS, SUPPORTED_TIE_BREAKERS, type PointsSystem, type TieBreaker } from "../ranking";
import { newSportsSlug } from "../slugs";
import { Count, Name, nameKeyOf, parseInput, ProviderKey, RecordId, SportName, sportIdFor } from "./records-input";

export const CHOOSABLE_TIE_BREAKERS = SUPPORTED_TIE_BREAKERS.filter((name) => name !== "points");
export const TIE_BREAKER_LABELS: Record<TieBreaker, string> = {
  points: "Points",
  goalDifference: "Goal difference",
  goalsFor: "Goals scored",
  fewestGoalsAgainst: "Fewest goals conceded",
  wins: "Most wins",
};
export const MAX_TIE_BREAKERS = CHOOSABLE_TIE_BREAKERS.length;

export type CompetitionRules = { tieBreakers: TieBreaker[]; points: PointsSystem };

// The rules stored on a competition; the football rules when none (or something unreadable) is.
export function competitionRules(stored: unknown): CompetitionRules {
  const parsed = StoredRules.safeParse(stored);
  return parsed.success ? parsed.data : { tieBreakers: [...FOOTBALL_TIE_BREAKERS], points: { ...FOOTBALL_POINTS } };
}

const TieBreakerName = z.enum(CHOOSABLE_TIE_BREAKERS as [TieBreaker, ...TieBreaker[]], { error: "is not a tie-breaker Pressbox can apply" });
const StoredRules = z.object({ tieBreakers: z.array(z.enum(SUPPORTED_TIE_BREAKERS as [TieBreaker, ...TieBreaker[]])).min(1), points: z.object({ win: z.number(), draw: z.number(), loss: z.number() }) });

// Tie-breakers arrive as an array or as a form's "tieBreakers.0", "tieBreakers.1"… selects, where
// "" is an unused slot.
function tieBreakersOf(input: unknown): unknown {
  if (!input || typeof input !== "object") return undefined;
  const record = input as Record<string, unknown>;
  if (Object.hasOwn(record, "tieBreakers")) return record.tieBreakers;
  const slots = Array.from({ length: MAX_TIE_BREAKERS }, (_, index) => record[`tieBreakers.${index}`]);
  return slots.filter((value) => value !== undefined && value !== "");
}

const TieBreakers = z
  .array(TieBreakerName)
  .max(MAX_TIE_BREAKERS)
  .superRefine((names, context) => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) context.addIssue({ code: "custom", path: [index], message: `${TIE_BREAKER_LABELS[name]} is chosen twice` });
    });
  });

const CompetitionFields = z.object({
  name: Name,
  sport: SportName.default(null),
  key: ProviderKey.default(null),
  tieBreakers: TieBreakers,
  pointsWin: Count.default(FOOTBALL_POINTS.win),
  pointsDraw: Count.default(FOOTBALL_POINTS.draw),
  pointsLoss: Count.default(FOOTBALL_POINTS.loss),
});
type CompetitionFields = z.output<typeof CompetitionFields>;
const UpdateCompetitionFields = CompetitionFields.extend({ id: RecordId, revision: z.string({ error: "is missing: reload the page" }).regex(/^[0-9a-f]{16}$/, "is missing: reload the page") });
const SeasonName = z.string().pipe(Name.max(60, "is too long (60 characters at most)"));
const AddSeasonFields = z.object({ competitionId: RecordId, name: SeasonName });
const RenameSeasonFields = z.object({ id: RecordId, name: SeasonName, loadedName: z.string({ error: "is missing: reload the page" }).max(200) });

const withTieBreakers = (input: unknown) => (input && typeof input === "object" && !Array.isArray(input) ? { ...(input as object), tieBreakers: tieBreakersOf(input) } : input);

function rulesOf(fields: CompetitionFields): CompetitionRules {
  return { tieBreakers: ["points", ...fields.tieBreakers], points: { win: fields.pointsWin, draw: fields.pointsDraw, loss: fields.pointsLoss } };
}

// What the edit form showed, as a short digest: any save by someone else changes it.
export function competitionRevision(competition: { name: string; key: string | null; sportId: string | null; tieBreakers: unknown }): string {
  const shown = JSON.stringify([competition.name, competition.key, competition.sportId, competitionRules(competition.tieBreakers), competition.tieBreakers === null]);
  return createHash("sha256").update(shown).digest("hex").slice(0, 16);
}

const ref = (id: string) => ({ entityType: "Competition", entityId: id, label: "this competition" });
const KEY_TAKEN = "That provider key is already used by another competition: each key names one competition.";

async function refuseTakenKey(tx: Tx, key: string | null, id?: string): Promise<void> {
  if (!key) return;
  const other = await tx.competition.findUnique({ where: { key }, select: { id: true, name: true } });
  if (other && other.id !== id) throw new AppError("CONFLICT", `The provider key "${key}" is already used by the competition ${other.name}: each key names one competition.`, { field: "key" });
}

// Its seasons' pages and lists, standings and medal tables (which show its name).
async function competitionChangeTags(tx: Tx, competitionId: string): Promise<string[]> {
  const seasons = await tx.competitionSeason.findMany({ where: { competitionId }, select: { id: true, standings: { select: { id: true } }, medalTable: { select: { id: true } } } });
  return [
    cacheTags.sports,
    ...seasons.flatMap((season) => [
      cacheTags.competitionSeason(season.id),
      ...season.standings.map((s) => cacheTags.standings(s.id)),
      ...(season.medalTable ? [cacheTags.medalTable(season.medalTable.id)] : []),
    ]),
  ];
}

export async function createCompetition(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(CompetitionFields, withTieBreakers(input), "competition");
  const created = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await refuseTakenKey(tx, fields.key);
        const slug = await newSportsSlug(tx, "competition", fields.name);
        const rules = rulesOf(fields);
        const data = { name: fields.name, nameKey: nameKeyOf(fields.name), key: fields.key, slug, sportId: await sportIdFor(tx, fields.sport), tieBreakers: rules };
        const competition = await tx.competition.create({ data, select: { id: true } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "sports.competition.create",
          entityType: "Competition",
          entityId: competition.id,
          details: { name: fields.name, key: fields.key, sport: fields.sport, slug, rules },
          ip: context.ip,
        });
        return { id: competition.id, slug };
      }),
    KEY_TAKEN,
  );
  invalidateTags([cacheTags.sports]);
  return created;
}

export async function updateCompetition(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; revision: string }> {
  assertCan(actor, "sports.edit");
  const { id, revision, ...fields } = parseInput(UpdateCompetitionFields, withTieBreakers(input), "competition");
  const { tags, saved } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.competition.findUnique({ where: { id } });
        if (!before) throw notFound("That competition");
        if (competitionRevision(before) !== revision) throw await staleRecordError(tx, ref(id));
        await refuseTakenKey(tx, fields.key, id);
        const rules = rulesOf(fields);
        const data = { name: fields.name, nameKey: nameKeyOf(fields.name), key: fields.key, sportId: await sportIdFor(tx, fields.sport), tieBreakers: rules };
        // Compare-and-set on the version read above: a save committed meanwhile bumped it.
        const updated = await tx.competition.updateMany({ where: { id, version: before.version }, data: { ...data, version: { increment: 1 } } });
        if (updated.count === 0) throw await staleRecordError(tx, ref(id));
        const details = { name: { from: before.name, to: fields.name }, key: { from: before.key, to: fields.key }, rules: { from: competitionRules(before.tieBreakers), to: rules } };
        await recordAudit(tx, { actorId: actor.id, action: "sports.competition.update", entityType: "Competition", entityId: id, details, ip: context.ip });
        return { tags: await competitionChangeTags(tx, id), saved: { ...before, ...data } };
      }),
    KEY_TAKEN,
  );
  invalidateTags(tags);
  return { id, revision: competitionRevision(saved) };
}

const SEASON_TAKEN = "This competition already has a season of that name.";

export async function addSeason(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(AddSeasonFields, input, "season");
  const season = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tx.competition.findUnique({ where: { id: fields.competitionId }, select: { id: true } }))) throw notFound("That competition");
        if (await tx.competitionSeason.findUnique({ where: { competitionId_name: fields }, select: { id: true } })) throw new AppError("CONFLICT", SEASON_TAKEN, { field: "name" });
        const season = await tx.competitionSeason.create({ data: fields, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "sports.season.create", entityType: "CompetitionSeason", entityId: season.id, details: fields, ip: context.ip });
        return season;
      }),
    SEASON_TAKEN,
  );
  invalidateTags([cacheTags.sports, cacheTags.competitionSeason(season.id)]);
  return season;
}

export async function renameSeason(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(RenameSeasonFields, input, "season");
  const tags = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const season = await tx.competitionSeason.findUnique({
          where: { id: fields.id },
          select: { id: true, name: true, competitionId: true, standings: { select: { id: true } }, medalTable: { select: { id: true } } },
        });
        if (!season) throw notFound("That season");
        const other = await tx.competitionSeason.findUnique({ where: { competitionId_name: { competitionId: season.competitionId, name: fields.name } }, select: { id: true } });
        if (other && other.id !== season.id) throw new AppError("CONFLICT", SEASON_TAKEN, { field: "name" });
        const updated = await tx.competitionSeason.updateMany({ where: { id: season.id, name: fields.loadedName }, data: { name: fields.name } });
        if (updated.count === 0) throw await staleRecordError(tx, { entityType: "CompetitionSeason", entityId: season.id, label: "this season" });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "sports.season.rename",
          entityType: "CompetitionSeason",
          entityId: season.id,
          details: { name: { from: season.name, to: fields.name } },
          ip: context.ip,
        });
        return [cacheTags.sports, cacheTags.competitionSeason(season.id), ...season.standings.map((s) => cacheTags.standings(s.id)), ...(season.medalTable ? [cacheTags.medalTable(season.medalTable.id)] : [])];
      }),
    SEASON_TAKEN,
  );
  invalidateTags(tags);
  return { id: fields.id };
}
