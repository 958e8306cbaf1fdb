// A results table pasted into an event (lib/sports/desk/paste-parse.ts reads it): the preview
// matches each row to an athlete or team of the event's sport by name (case-insensitively) or
// says it will be created; applying writes every row in one transaction, or nothing when any row
// has a problem (422 naming the rows). It replaces the event's competitors, creates the missing
// athletes or teams, bumps the event's version (guarded), is audited and drops the tags of
// lib/sports/freshness.ts after commit.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { expectUpdated, isUniqueViolation, notFound } from "../../concurrency";
import { assertCan, type Actor } from "../../permissions";
import { recordAudit } from "../../audit/record";
import { invalidateTags } from "../../cache/tagged-cache";
import { idInput } from "../../text-input";
import { afterEventsChanged } from "../freshness";
import { newSportsSlug } from "../slugs";
import { MAX_PASTE_CHARS, parsePastedResults, pasteProblems, type PastedRow } from "./paste-parse";
import { previousTags } from "./events-summary";

const PasteInput = z.object({
  eventId: idInput(),
  kind: z.enum(["athlete", "team"], { error: "must be athlete or team" }),
  text: z.string().max(MAX_PASTE_CHARS, `must be at most ${MAX_PASTE_CHARS.toLocaleString("en")} characters`),
});
const ApplyInput = PasteInput.extend({
  expectedVersion: z
    .number({ error: "must be a whole number" })
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

export type PreviewRow = PastedRow & { match: { id: string; name: string } | null };
export type PastePreview = { kind: "athlete" | "team"; rows: PreviewRow[]; problems: string[]; willCreate: number };

const nameKeyOf = (name: string) => name.trim().toLowerCase();

async function sportOf(tx: Tx, eventId: string): Promise<{ sportId: string | null }> {
  const event = await tx.sportsEvent.findUnique({ where: { id: eventId }, select: { sportId: true } });
  if (!event) throw notFound("This event");
  return event;
}

async function matchRows(tx: Tx, kind: "athlete" | "team", sportId: string | null, rows: PastedRow[]): Promise<PreviewRow[]> {
  const keys = [...new Set(rows.map((row) => nameKeyOf(row.name)).filter(Boolean))];
  const where = { sportId, nameKey: { in: keys } };
  const select = { id: true, name: true, nameKey: true };
  const found = kind === "athlete" ? await tx.athlete.findMany({ where, select, orderBy: { createdAt: "asc" } }) : await tx.team.findMany({ where, select, orderBy: { createdAt: "asc" } });
  const byKey = new Map<string, { id: string; name: string }>();
  for (const record of found) if (!byKey.has(record.nameKey)) byKey.set(record.nameKey, { id: record.id, name: record.name });
  return rows.map((row) => ({ ...row, match: byKey.get(nameKeyOf(row.name)) ?? null }));
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  return schema.parse(input);
}

export async function previewPaste(actor: Actor | null, input: unknown): Promise<PastePreview> {
  assertCan(actor, "sports.edit");
  const { eventId, kind, text } = parseInput(PasteInput, input);
  const table = parsePastedResults(text);
  const { sportId } = await sportOf(db, eventId);
  const rows = await matchRows(db, kind, sportId, table.rows);
  return { kind, rows, problems: pasteProblems(table), willCreate: rows.filter((row) => !row.match && row.errors.length === 0).length };
}

async function competitorId(tx: Tx, kind: "athlete" | "team", sportId: string | null, row: PreviewRow): Promise<string> {
  if (row.match) return row.match.id;
  const data = { name: row.name, nameKey: nameKeyOf(row.name), country: row.country, sportId, slug: await newSportsSlug(tx, kind, row.name) };
  return kind === "athlete" ? (await tx.athlete.create({ data, select: { id: true } })).id : (await tx.team.create({ data, select: { id: true } })).id;
}

export type PasteApplied = { eventId: string; version: number; rows: number; created: number; tags: string[] };

export async function applyPaste(actor: Actor | null, input: unknown): Promise<PasteApplied> {
  assertCan(actor, "sports.edit");
  const { eventId, kind, text, expectedVersion } = parseInput(ApplyInput, input);
  const table = parsePastedResults(text);
  const problems = pasteProblems(table);
  if (problems.length) throw new AppError("INVALID", `Nothing was saved: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""}.`, { field: "text", problems });
  if (table.rows.length === 0) throw new AppError("INVALID", "Nothing was saved: the table has no rows.", { field: "text" });
  let tags: string[] = [];
  try {
    const result = await db.$transaction(async (tx) => {
      const { sportId } = await sportOf(tx, eventId);
      await expectUpdated(tx.sportsEvent.updateMany({ where: { id: eventId, version: expectedVersion }, data: { version: { increment: 1 } } }), tx, {
        entityType: "SportsEvent",
        entityId: eventId,
        label: "this event",
      });
      const previous = await previousTags(tx, eventId);
      const rows = await matchRows(tx, kind, sportId, table.rows);
      await tx.eventParticipant.deleteMany({ where: { eventId, memberOfId: null } });
      for (const [position, row] of rows.entries()) {
        const id = await competitorId(tx, kind, sportId, row);
        await tx.eventParticipant.create({
          data: { eventId, position, teamId: kind === "team" ? id : null, athleteId: kind === "athlete" ? id : null, rank: row.rank, mark: row.mark, score: row.score, record: row.record },
        });
      }
      const created = rows.filter((row) => !row.match).map((row) => row.name);
      const details = { version: expectedVersion + 1, kind, rows: rows.length, created, results: rows.map((row) => [row.rank, row.name, row.mark, row.record].filter((v) => v !== null).join(" ")) };
      await recordAudit(tx, { actorId: actor.id, action: "sports.event.paste", entityType: "SportsEvent", entityId: eventId, details });
      tags = [...new Set([...previous, ...(await afterEventsChanged(tx, [eventId]))])];
      return { eventId, version: expectedVersion + 1, rows: rows.length, created: created.length, tags };
    });
    invalidateTags(tags);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone created one of these athletes or teams at the same moment; nothing was saved. Try again.");
    throw error;
  }
}
