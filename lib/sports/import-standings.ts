// Writing one SportsML standing inside the import's transaction: one table per competition season
// and date. The same table imported again is updated row by row (a team's row keeps its id), rows
// of teams no longer listed are removed, and the version goes up; an identical table changes nothing.
import "server-only";
import type { Tx } from "../db";
import type { ImportOutcome } from "./import-events";
import type { SportsRecords } from "./records";
import type { StandingsDoc, StandingsRow } from "./sportsml/types";

export type StandingsResult = { path: string; id: string; name: string | null; outcome: ImportOutcome; version: number; rows: number };

type RowData = Omit<StandingsRow, "key" | "name"> & { teamId: string; position: number };

const COLUMNS = ["position", "rank", "played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "points"] as const;

// The table's day, at midnight UTC: a date-time's date as the document wrote it.
const asOfDate = (date: string | null) => (date ? new Date(`${date.slice(0, 10)}T00:00:00.000Z`) : null);

async function rowsOf(records: SportsRecords, doc: StandingsDoc, sportId: string | null): Promise<RowData[]> {
  const rows: RowData[] = [];
  for (const [position, row] of doc.rows.entries()) {
    const teamId = (await records.team(row, sportId))!;
    const { rank, played, won, drawn, lost, goalsFor, goalsAgainst, points } = row;
    rows.push({ teamId, position, rank, played, won, drawn, lost, goalsFor, goalsAgainst, points });
  }
  return rows;
}

export async function writeStandings(tx: Tx, records: SportsRecords, doc: StandingsDoc, skipped: string[]): Promise<StandingsResult | null> {
  const sportId = await records.sport(doc.sport);
  const seasonId = await records.season(sportId, doc.competition, doc.season);
  if (!seasonId) {
    skipped.push(`${doc.path}: a standing that names no competition is not stored`);
    return null;
  }
  const asOf = asOfDate(doc.date);
  const rows = await rowsOf(records, doc, sportId);
  const existing = await tx.standings.findFirst({ where: { competitionSeasonId: seasonId, asOf }, include: { rows: true } });
  const base = { path: doc.path, name: doc.name, rows: rows.length };
  if (!existing) {
    const created = await tx.standings.create({ data: { competitionSeasonId: seasonId, asOf, name: doc.name, rows: { create: rows } } });
    return { ...base, id: created.id, outcome: "created", version: created.version };
  }
  const stored = new Map(existing.rows.map((row) => [row.teamId, row]));
  const isSame = existing.name === doc.name && existing.rows.length === rows.length && rows.every((row) => COLUMNS.every((column) => stored.get(row.teamId)?.[column] === row[column]));
  if (isSame) return { ...base, id: existing.id, outcome: "unchanged", version: existing.version };
  for (const row of rows) {
    const { teamId, ...values } = row;
    await tx.standingsRow.upsert({ where: { standingsId_teamId: { standingsId: existing.id, teamId } }, create: { standingsId: existing.id, ...row }, update: values });
  }
  const listed = rows.map((row) => row.teamId);
  await tx.standingsRow.deleteMany({ where: { standingsId: existing.id, teamId: { notIn: listed } } });
  const updated = await tx.standings.update({ where: { id: existing.id }, data: { name: doc.name, version: { increment: 1 } } });
  return { ...base, id: existing.id, outcome: "updated", version: updated.version };
}
