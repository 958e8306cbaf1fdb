// What a change to sports records must refresh, worked out inside the writing transaction: the
// events' own tag (stories whose blocks show them, match pages), their seasons (fixtures lists,
// competition pages), their teams and athletes (team and athlete pages), and the season's computed
// medal table, which is rebuilt here from its medal events' podiums. Every writer of sports records
// (the SportsML import, the newsroom screens, the paste) calls this before commit and drops the
// tags it returns after commit.
import "server-only";
import type { Tx } from "../db";
import { cacheTags } from "../cache/tags";
import { medalTableFromResults } from "./ranking";

// The podium places of a season's medal events, by the country of the team or athlete; a
// competitor with no country wins no row (there is nothing to count it under).
async function podiumsOf(tx: Tx, seasonId: string) {
  const events = await tx.sportsEvent.findMany({
    where: { competitionSeasonId: seasonId, medalEvent: true },
    select: {
      id: true,
      participants: {
        where: { memberOfId: null, rank: { gte: 1, lte: 3 } },
        select: { rank: true, team: { select: { country: true } }, athlete: { select: { country: true } } },
      },
    },
  });
  return events.map((event) => ({
    event: event.id,
    results: event.participants.flatMap((p) => {
      const country = (p.team?.country ?? p.athlete?.country ?? "").trim();
      return country && p.rank ? [{ code: country.toUpperCase(), name: country, rank: p.rank }] : [];
    }),
  }));
}

// Rebuilds the computed medal tables of these seasons; returns the ids of the tables rebuilt.
export async function recomputeMedalTables(tx: Tx, seasonIds: readonly string[]): Promise<string[]> {
  const tables = await tx.medalTable.findMany({
    where: { competitionSeasonId: { in: [...new Set(seasonIds)] }, computed: true },
    select: { id: true, competitionSeasonId: true, rows: { select: { country: true, name: true } } },
  });
  for (const table of tables) {
    // Names an editor gave countries ("Norway" for NOR) survive the rebuild.
    const names = new Map(table.rows.map((row) => [row.country, row.name]));
    const ranked = medalTableFromResults(await podiumsOf(tx, table.competitionSeasonId));
    await tx.medalTableRow.deleteMany({ where: { medalTableId: table.id } });
    if (ranked.length)
      await tx.medalTableRow.createMany({
        data: ranked.map((row) => ({ medalTableId: table.id, country: row.code, name: names.get(row.code) ?? row.name, gold: row.gold, silver: row.silver, bronze: row.bronze })),
      });
    await tx.medalTable.update({ where: { id: table.id }, data: { version: { increment: 1 } } });
  }
  return tables.map((table) => table.id);
}

// What follows a change to these events (scores, status, participants, times), inside the
// writer's transaction: the computed medal tables of their seasons are rebuilt, and the tags to
// drop after commit are returned.
export async function afterEventsChanged(tx: Tx, eventIds: readonly string[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const events = await tx.sportsEvent.findMany({
    where: { id: { in: [...new Set(eventIds)] } },
    select: { id: true, parentId: true, competitionSeasonId: true, participants: { select: { teamId: true, athleteId: true } } },
  });
  const seasonIds = [...new Set(events.flatMap((e) => (e.competitionSeasonId ? [e.competitionSeasonId] : [])))];
  const medalTableIds = await recomputeMedalTables(tx, seasonIds);
  const tags = new Set<string>([cacheTags.sports]);
  for (const event of events) {
    tags.add(cacheTags.sportsEvent(event.id));
    // A tie's page shows its rubbers.
    if (event.parentId) tags.add(cacheTags.sportsEvent(event.parentId));
    for (const p of event.participants) {
      if (p.teamId) tags.add(cacheTags.team(p.teamId));
      if (p.athleteId) tags.add(cacheTags.athlete(p.athleteId));
    }
  }
  for (const id of seasonIds) tags.add(cacheTags.competitionSeason(id));
  for (const id of medalTableIds) tags.add(cacheTags.medalTable(id));
  return [...tags];
}

// The tags to drop after standings tables changed: the tables and their teams' pages.
export async function standingsChangeTags(tx: Tx, standingsIds: readonly string[]): Promise<string[]> {
  if (standingsIds.length === 0) return [];
  const rows = await tx.standingsRow.findMany({ where: { standingsId: { in: [...new Set(standingsIds)] } }, select: { teamId: true } });
  const tables = await tx.standings.findMany({ where: { id: { in: [...new Set(standingsIds)] } }, select: { competitionSeasonId: true } });
  return [
    cacheTags.sports,
    ...standingsIds.map(cacheTags.standings),
    ...new Set(rows.map((row) => cacheTags.team(row.teamId))),
    ...new Set(tables.map((t) => cacheTags.competitionSeason(t.competitionSeasonId))),
  ];
}
