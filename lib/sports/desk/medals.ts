// The newsroom's writes to medal tables: one per season, either computed from the season's medal
// events (rows rebuilt by lib/sports/freshness.ts recomputeMedalTables, now and whenever one of
// those events changes) or entered by hand (a country once, whole numbers of medals). Ranks are
// never stored: readers and screens rank with rankMedalTable (gold, silver, bronze; equal ranks
// shown "=3").
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { textInput } from "../../text-input";
import { recomputeMedalTables } from "../freshness";
import { Count, MAX_ROWS, missingRecord, parseInput, RecordId, rowsOf, Version } from "./records-input";

const Source = z.enum(["computed", "entered"], { error: 'must be "computed" or "entered"' });
const Row = z.object({
  country: z
    .string({ error: "is required" })
    .trim()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be a three-letter code such as NOR")),
  name: z.string({ error: "is required" }).pipe(textInput().min(1, "is required").max(120, "is too long (120 characters at most)")),
  gold: Count,
  silver: Count,
  bronze: Count,
});
const Rows = z
  .array(Row)
  .max(MAX_ROWS * 4, `has too many rows (${MAX_ROWS * 4} at most)`)
  .superRefine((rows, context) => {
    rows.forEach((row, index) => {
      if (rows.findIndex((other) => other.country === row.country) !== index)
        context.addIssue({ code: "custom", path: [index, "country"], message: `${row.country} is already in this table: a country appears once` });
    });
  });

const CreateFields = z.object({ seasonId: RecordId, source: Source });
const UpdateFields = z.discriminatedUnion("source", [
  z.object({ id: RecordId, version: Version, source: z.literal("computed") }),
  z.object({ id: RecordId, version: Version, source: z.literal("entered"), rows: Rows }),
]);

const ref = (id: string) => ({ entityType: "MedalTable", entityId: id, label: "this medal table" });
const SEASON_TAKEN = "This season already has a medal table: a season has one. Open that one instead.";

async function tagsOf(tx: Tx, table: { id: string; competitionSeasonId: string }): Promise<string[]> {
  return [cacheTags.sports, cacheTags.medalTable(table.id), cacheTags.competitionSeason(table.competitionSeasonId)];
}

export async function createMedalTable(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(CreateFields, input, "medal table");
  const { id, tags } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tx.competitionSeason.findUnique({ where: { id: fields.seasonId }, select: { id: true } }))) throw missingRecord("seasonId", "That season no longer exists: pick another.");
        if (await tx.medalTable.findUnique({ where: { competitionSeasonId: fields.seasonId }, select: { id: true } })) throw new AppError("CONFLICT", SEASON_TAKEN, { field: "seasonId" });
        const table = await tx.medalTable.create({ data: { competitionSeasonId: fields.seasonId, computed: fields.source === "computed" }, select: { id: true, competitionSeasonId: true } });
        if (fields.source === "computed") await recomputeMedalTables(tx, [fields.seasonId]);
        await recordAudit(tx, { actorId: actor.id, action: "sports.medalTable.create", entityType: "MedalTable", entityId: table.id, details: fields, ip: context.ip });
        return { id: table.id, tags: await tagsOf(tx, table) };
      }),
    SEASON_TAKEN,
  );
  invalidateTags(tags);
  return { id };
}

export async function updateMedalTable(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; version: number }> {
  assertCan(actor, "sports.edit");
  const raw = input && typeof input === "object" && !Array.isArray(input) && (input as { source?: unknown }).source === "entered" ? { ...(input as object), rows: rowsOf(input) } : input;
  const fields = parseInput(UpdateFields, raw, "medal table");
  const { id, version } = fields;
  const { tags, saved } = await db.$transaction(async (tx) => {
    const before = await tx.medalTable.findUnique({ where: { id }, select: { id: true, competitionSeasonId: true, computed: true, _count: { select: { rows: true } } } });
    if (!before) throw notFound("That medal table");
    const computed = fields.source === "computed";
    await expectUpdated(tx.medalTable.updateMany({ where: { id, version }, data: { computed, version: { increment: 1 } } }), tx, ref(id));
    if (fields.source === "entered") {
      await tx.medalTableRow.deleteMany({ where: { medalTableId: id } });
      if (fields.rows.length) await tx.medalTableRow.createMany({ data: fields.rows.map((row) => ({ ...row, medalTableId: id })) });
    } else await recomputeMedalTables(tx, [before.competitionSeasonId]);
    const rows = await tx.medalTableRow.count({ where: { medalTableId: id } });
    const details = { source: { from: before.computed ? "computed" : "entered", to: fields.source }, rows: { from: before._count.rows, to: rows } };
    await recordAudit(tx, { actorId: actor.id, action: "sports.medalTable.update", entityType: "MedalTable", entityId: id, details, ip: context.ip });
    const saved = await tx.medalTable.findUniqueOrThrow({ where: { id }, select: { version: true } });
    return { tags: await tagsOf(tx, before), saved };
  });
  invalidateTags(tags);
  return { id, version: saved.version };
}
