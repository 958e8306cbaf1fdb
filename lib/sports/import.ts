// importSportsMl: one SportsML document (XML or SportsJS JSON) in, its events and standings stored,
// in ONE transaction: a document refused by the reader, or a failure half-way, writes nothing. An
// event arriving again is found by its identity (lib/sports/import-events.ts), never duplicated.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../concurrency";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { invalidateTags } from "../cache/tagged-cache";
import { parseSportsMl } from "./sportsml/parse";
import { SportsRecords, type Tally } from "./records";
import { writeEvent, type EventResult, type EventWriter } from "./import-events";
import { writeStandings, type StandingsResult } from "./import-standings";
import { afterEventsChanged, standingsChangeTags } from "./freshness";

const SportsImportInput = z.object({
  text: z.string(),
  format: z.enum(["xml", "json"]).optional(),
  fileName: z.string().max(1000).optional(),
});
export type SportsImportInput = z.infer<typeof SportsImportInput>;

type Counts = { created: number; updated: number; unchanged: number };

export type SportsImportReport = {
  fileName: string | null;
  events: Counts;
  standings: Counts;
  teams: Tally;
  athletes: Tally;
  eventResults: EventResult[];
  standingsResults: StandingsResult[];
  // What the document carried that Pressbox does not store, with where it was.
  skipped: string[];
};

function countOf(results: { outcome: keyof Counts }[]): Counts {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

export function parseSportsImportInput(input: unknown): SportsImportInput {
  const parsed = SportsImportInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", `The import needs the document's text: ${parsed.error.issues[0]?.message ?? "invalid input"}.`);
  return parsed.data;
}

export async function importSportsMl(actor: Actor | null, input: SportsImportInput): Promise<SportsImportReport> {
  assertCan(actor, "sports.import");
  const { text, format, fileName } = parseSportsImportInput(input);
  const document = parseSportsMl(text, format);
  let report: SportsImportReport;
  let tags: string[] = [];
  try {
    report = await db.$transaction(
      async (tx) => {
        const records = new SportsRecords(tx);
        const writer: EventWriter = { tx, records, seen: new Map(), skipped: [...document.skipped], results: [] };
        for (const [index, event] of document.events.entries()) await writeEvent(writer, event, null, index);
        const standingsResults: StandingsResult[] = [];
        for (const standing of document.standings) {
          const result = await writeStandings(tx, records, standing, writer.skipped);
          if (result) standingsResults.push(result);
        }
        const report: SportsImportReport = {
          fileName: fileName ?? null,
          events: countOf(writer.results),
          standings: countOf(standingsResults),
          teams: records.teams,
          athletes: records.athletes,
          eventResults: writer.results,
          standingsResults,
          skipped: writer.skipped,
        };
        const details = { fileName: report.fileName, events: report.events, standings: report.standings, teams: report.teams, athletes: report.athletes, skipped: report.skipped.length };
        await recordAudit(tx, { actorId: actor.id, action: "sports.import", entityType: "SportsImport", entityId: randomUUID(), details });
        const changed = <T extends { id: string; outcome: string }>(results: T[]) => results.filter((result) => result.outcome !== "unchanged").map((result) => result.id);
        tags = [...(await afterEventsChanged(tx, changed(writer.results))), ...(await standingsChangeTags(tx, changed(standingsResults)))];
        return report;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Two imports naming the same new team or event at once: the second finds the first's row taken.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Another import is storing the same events or teams at this moment; nothing was saved. Try again.");
    throw error;
  }
  invalidateTags([...new Set(tags)]);
  return report;
}
