// The newsroom's writes to standings tables: create one for a season, edit its name, date and
// rows, and rank its rows by the competition's rules (lib/sports/ranking.ts rankStandings: points,
// then the competition's tie-breakers; teams level on all of them share a rank, shown "=3").
// Version-guarded like every versioned record; a change drops the table, its teams' pages and the
// season's (lib/sports/freshness.ts standingsChangeTags).
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { textInput } from "../../text-input";
import { standingsChangeTags } from "../freshness";
import { rankStandings } from "../ranking";
import { competitionRules } from "./competitions";
import { MAX_ROWS, missingRecord, OptionalCount, parseInput, RecordId, rowsOf, Version } from "./records-input";

const TableName = z.preprocess((value) => (value === "" || value === undefined ? null : value), textInput().max(120, "is too long (120 characters at most)").nullable());
// A date ("2025-05-17") or a date and time ("2025-05-17T18:30") as the form's input gives it, read
// as UTC; an ISO instant from other callers.
const AsOf = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, "must be a date such as 2025-05-17")
    .transform((text, context) => {
      const date = new Date(/T.*(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : text.includes("T") ? `${text}Z` : `${text}T00:00:00Z`);
      const [year, month, day] = text.slice(0, 10).split("-").map(Number);
      if (Number.isNaN(date.getTime()) || year < 1800 || year > 2200 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) {
        context.addIssue({ code: "custom", message: "is not a real date" });
        return z.NEVER;
      }
      return date;
    })
    .nullable(),
);
const Form = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() || null : (value ?? null)),
  z
    .string()
    .regex(/^[WDL]{1,10}$/, 'must be up to 10 results of W, D or L, newest last (e.g. "WWDLW")')
    .nullable(),
);

const Row = z
  .object({
    teamId: z.string({ error: "is required: pick a team" }).pipe(RecordId),
    rank: OptionalCount.refine((rank) => rank !== 0, "must be 1 or more").default(null),
    played: OptionalCount.default(null),
    won: OptionalCount.default(null),
    drawn: OptionalCount.default(null),
    lost: OptionalCount.default(null),
    goalsFor: OptionalCount.default(null),
    goalsAgainst: OptionalCount.default(null),
    points: z.preprocess(
      (value) => (typeof value === "string" ? value.trim() || null : (value ?? null)),
      z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(-1000).max(100_000).nullable(),
    ),
    form: Form,
  })
  .refine((row) => row.played === null || row.won === null || row.drawn === null || row.lost === null || row.played === row.won + row.drawn + row.lost, {
    error: "must equal won + drawn + lost",
    path: ["played"],
  });
type Row = z.output<typeof Row>;

const Rows = z
  .array(Row)
  .max(MAX_ROWS, `has too many rows (${MAX_ROWS} at most)`)
  .superRefine((rows, context) => {
    rows.forEach((row, index) => {
      if (rows.findIndex((other) => other.teamId === row.teamId) !== index) context.addIssue({ code: "custom", path: [index, "teamId"], message: "is already in this table: a team appears once" });
    });
  });

const CreateFields = z.object({ seasonId: RecordId, name: TableName.default(null), asOf: AsOf.default(null) });
// Left out (rather than sent empty), the name and date stay as they are.
const UpdateFields = z.object({ id: RecordId, version: Version, name: TableName.optional(), asOf: AsOf.optional(), rows: Rows });
const RankFields = z.object({ id: RecordId, version: Version });

const ref = (id: string) => ({ entityType: "Standings", entityId: id, label: "this standings table" });
const DATE_TAKEN = "This season already has a standings table as of that date: open that one, or pick another date.";

async function refuseTakenDate(tx: Tx, seasonId: string, asOf: Date | null, id?: string): Promise<void> {
  if (!asOf) return;
  const other = await tx.standings.findFirst({ where: { competitionSeasonId: seasonId, asOf }, select: { id: true } });
  if (other && other.id !== id) throw new AppError("CONFLICT", DATE_TAKEN, { field: "asOf" });
}

export async function createStandings(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "sports.edit");
  const fields = parseInput(CreateFields, input, "standings table");
  const { id, tags } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tx.competitionSeason.findUnique({ where: { id: fields.seasonId }, select: { id: true } }))) throw missingRecord("seasonId", "That season no longer exists: pick another.");
        await refuseTakenDate(tx, fields.seasonId, fields.asOf);
        const table = await tx.standings.create({ data: { competitionSeasonId: fields.seasonId, name: fields.name, asOf: fields.asOf }, select: { id: true } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "sports.standings.create",
          entityType: "Standings",
          entityId: table.id,
          details: { ...fields, asOf: fields.asOf?.toISOString() ?? null },
          ip: context.ip,
        });
        return { id: table.id, tags: await standingsChangeTags(tx, [table.id]) };
      }),
    DATE_TAKEN,
  );
  invalidateTags(tags);
  return { id };
}

export async function updateStandings(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; version: number }> {
  assertCan(actor, "sports.edit");
  const raw = input && typeof input === "object" && !Array.isArray(input) ? { ...(input as object), rows: rowsOf(input) } : input;
  const { id, version, rows, ...fields } = parseInput(UpdateFields, raw, "standings table");
  const tags = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.standings.findUnique({ where: { id }, select: { competitionSeasonId: true, name: true, asOf: true, _count: { select: { rows: true } } } });
        if (!before) throw notFound("That standings table");
        await checkTeams(tx, rows);
        if (fields.asOf !== undefined) await refuseTakenDate(tx, before.competitionSeasonId, fields.asOf, id);
        const tagsBefore = await standingsChangeTags(tx, [id]);
        await expectUpdated(tx.standings.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }), tx, ref(id));
        await tx.standingsRow.deleteMany({ where: { standingsId: id } });
        if (rows.length) await tx.standingsRow.createMany({ data: rows.map((row, position) => ({ ...row, standingsId: id, position })) });
        const after = { name: fields.name === undefined ? before.name : fields.name, asOf: fields.asOf === undefined ? before.asOf : fields.asOf };
        const details = {
          name: { from: before.name, to: after.name },
          asOf: { from: before.asOf?.toISOString() ?? null, to: after.asOf?.toISOString() ?? null },
          rows: { from: before._count.rows, to: rows.length },
        };
        await recordAudit(tx, { actorId: actor.id, action: "sports.standings.update", entityType: "Standings", entityId: id, details, ip: context.ip });
        return [...new Set([...tagsBefore, ...(await standingsChangeTags(tx, [id]))])];
      }),
    DATE_TAKEN,
  );
  invalidateTags(tags);
  return { id, version: version + 1 };
}

async function checkTeams(tx: Tx, rows: Row[]): Promise<void> {
  const found = new Set((await tx.team.findMany({ where: { id: { in: rows.map((row) => row.teamId) } }, select: { id: true } })).map((team) => team.id));
  const missing = rows.findIndex((row) => !found.has(row.teamId));
  if (missing >= 0) throw missingRecord(`rows.${missing}.teamId`, `Row ${missing + 1}: that team no longer exists: pick another.`);
}

// Orders the saved rows by the competition's rules and sets each row's rank and position. Every
// row needs won, drawn, lost and goals for and against; points left empty come from the
// competition's points for a win, draw and loss.
export async function rankStandingsTable(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; version: number }> {
  assertCan(actor, "sports.edit");
  const { id, version } = parseInput(RankFields, input, "standings table");
  const tags = await db.$transaction(async (tx) => {
    const table = await tx.standings.findUnique({
      where: { id },
      select: { rows: { orderBy: { position: "asc" }, include: { team: { select: { name: true } } } }, competitionSeason: { select: { competition: { select: { tieBreakers: true } } } } },
    });
    if (!table) throw notFound("That standings table");
    const incomplete = table.rows.find((row) => [row.won, row.drawn, row.lost, row.goalsFor, row.goalsAgainst].some((value) => value === null));
    if (incomplete) throw new AppError("INVALID", `${incomplete.team.name} cannot be ranked: fill in won, drawn, lost and goals for and against for every team first.`);
    const rules = competitionRules(table.competitionSeason.competition.tieBreakers);
    const inputs = table.rows.map((row) => ({
      key: row.teamId,
      name: row.team.name,
      won: row.won!,
      drawn: row.drawn!,
      lost: row.lost!,
      goalsFor: row.goalsFor!,
      goalsAgainst: row.goalsAgainst!,
      points: row.points ?? undefined,
    }));
    const ranked = rankStandings(inputs, rules.tieBreakers, rules.points);
    await expectUpdated(tx.standings.updateMany({ where: { id, version }, data: { version: { increment: 1 } } }), tx, ref(id));
    for (const [position, row] of ranked.entries()) {
      await tx.standingsRow.update({ where: { standingsId_teamId: { standingsId: id, teamId: row.key } }, data: { position, rank: row.rank, played: row.played, points: row.points } });
    }
    const order = ranked.map((row) => `${row.rankLabel} ${row.name}`);
    await recordAudit(tx, { actorId: actor.id, action: "sports.standings.rank", entityType: "Standings", entityId: id, details: { rules, order }, ip: context.ip });
    return standingsChangeTags(tx, [id]);
  });
  invalidateTags(tags);
  return { id, version: version + 1 };
}

// "=3" for a rank two rows share, "3" otherwise; "" for none.
export function rankLabels(ranks: readonly (number | null)[]): string[] {
  return ranks.map((rank) => (rank === null ? "" : ranks.filter((other) => other === rank).length > 1 ? `=${rank}` : String(rank)));
}
