// The newsroom's sports record commands (lib/sports/desk/) on a real database: teams created with
// a slug that never changes, a duplicate provider key refused, a stale edit refused and a team in
// use kept; standings rows validated (nothing written when one is wrong) and ranked by the
// competition's rules with shared ranks; a medal table entered with ties ("=2"), and one computed
// from the season's medal events' podiums and rebuilt when they change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import type { Actor } from "../../lib/permissions";
import { createAthlete, deleteAthlete, updateAthlete } from "../../lib/sports/desk/athletes";
import { addSeason, createCompetition, renameSeason, updateCompetition } from "../../lib/sports/desk/competitions";
import { getCompetition } from "../../lib/sports/desk/competitions-queries";
import { createMedalTable, updateMedalTable } from "../../lib/sports/desk/medals";
import { createStandings, rankStandingsTable, updateStandings } from "../../lib/sports/desk/standings";
import { getMedalTable, getStandings } from "../../lib/sports/desk/standings-queries";
import { createTeam, deleteTeam, updateTeam } from "../../lib/sports/desk/teams";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";

const run = uniqueSuffix();
let editor: Actor;
let contributor: Actor;

beforeAll(async () => {
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Records Editor"), createStaff("CONTRIBUTOR", "Records Contributor")]);
});

// The failure a call ends in, as a screen sees it (status, message, fields), or "ok".
async function failureOf(work: Promise<unknown>) {
  try {
    await work;
    return { status: 200, message: "ok", fields: {} as Record<string, string> };
  } catch (error) {
    const failure = toFailure(error);
    const details = failure.details as { fields?: Record<string, string>; field?: string } | undefined;
    return { status: failure.status, message: failure.message, fields: details?.fields ?? (details?.field ? { [details.field]: failure.message } : {}) };
  }
}

const updatedAtOf = async (id: string) => (await db.team.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

async function team(name: string, extra: Record<string, string> = {}) {
  return createTeam(editor, { name: `${name} ${run}`, country: "NOR", sport: "Football", ...extra });
}

async function competitionWithSeason(name: string, rules: Record<string, unknown> = {}) {
  const competition = await createCompetition(editor, { name: `${name} ${run}`, sport: "Football", tieBreakers: ["goalDifference", "goalsFor"], ...rules });
  const season = await addSeason(editor, { competitionId: competition.id, name: "2025/26" });
  return { competitionId: competition.id, seasonId: season.id };
}

describe("teams", () => {
  it("are created with a slug from the name, audited, and keep the slug when renamed", async () => {
    const created = await team("Rosenborg", { key: `team:rbk:${run}`, country: "nor" });
    const row = await db.team.findUniqueOrThrow({ where: { id: created.id }, include: { sport: true } });
    expect(row).toMatchObject({ name: `Rosenborg ${run}`, country: "NOR", key: `team:rbk:${run}`, slug: created.slug });
    expect(row.sport?.name).toBe("Football");
    expect(created.slug).toBe(`rosenborg-${run}`);
    await updateTeam(editor, { id: created.id, updatedAt: row.updatedAt.toISOString(), name: `Rosenborg BK ${run}`, country: "NOR", sport: "Football", key: `team:rbk:${run}` });
    const renamed = await db.team.findUniqueOrThrow({ where: { id: created.id } });
    expect(renamed).toMatchObject({ name: `Rosenborg BK ${run}`, slug: created.slug });
    const audits = await db.auditEntry.findMany({ where: { entityType: "Team", entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["sports.team.create", editor.id],
      ["sports.team.update", editor.id],
    ]);
  });

  it("refuse a provider key another team has, with a CONFLICT naming that team, and create nothing", async () => {
    await team("Molde", { key: `team:molde:${run}` });
    const before = await db.team.count();
    const refused = await failureOf(team("Molde FK", { key: `team:molde:${run}` }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain(`Molde ${run}`);
    expect(refused.fields).toHaveProperty("key");
    expect(await db.team.count()).toBe(before);
  });

  it("refuse an edit made from a form loaded before someone else saved, and keep that save", async () => {
    const created = await team("Brann");
    const loaded = await updatedAtOf(created.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateTeam(editor, { id: created.id, updatedAt: loaded, name: `SK Brann ${run}`, country: "NOR" });
    const stale = await failureOf(updateTeam(editor, { id: created.id, updatedAt: loaded, name: `Brann Bergen ${run}`, country: "NOR" }));
    expect(stale.status).toBe(409);
    expect(stale.message).toContain("Records Editor changed this team after you opened it");
    expect((await db.team.findUniqueOrThrow({ where: { id: created.id } })).name).toBe(`SK Brann ${run}`);
  });

  it("refuse a bad country code next to the field, and a contributor", async () => {
    const bad = await failureOf(team("Lyn", { country: "NO" }));
    expect(bad.status).toBe(422);
    expect(bad.fields).toHaveProperty("country");
    expect((await failureOf(createTeam(contributor, { name: `Lyn ${run}` }))).status).toBe(403);
    expect(await db.team.count({ where: { name: `Lyn ${run}` } })).toBe(0);
  });

  it("cannot be deleted while a standings table uses them (409 naming it); unused ones are deleted and audited", async () => {
    const { seasonId } = await competitionWithSeason("Eliteserien");
    const used = await team("Viking");
    const table = await createStandings(editor, { seasonId, name: "Eliteserien table", asOf: "2025-11-30" });
    await updateStandings(editor, { id: table.id, version: 1, rows: [{ teamId: used.id, won: "1", drawn: "0", lost: "0" }] });
    const refused = await failureOf(deleteTeam(editor, { id: used.id, updatedAt: await updatedAtOf(used.id) }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain("1 standings table (Eliteserien table)");
    expect(await db.team.count({ where: { id: used.id } })).toBe(1);

    const unused = await team("Odd");
    await deleteTeam(editor, { id: unused.id, updatedAt: await updatedAtOf(unused.id) });
    expect(await db.team.count({ where: { id: unused.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "sports.team.delete", entityId: unused.id } })).toBe(1);
  });

  it("used by an event cannot be deleted either, and the refusal names the event", async () => {
    const used = await team("Bodø/Glimt");
    await db.sportsEvent.create({ data: { identity: `desk:${run}:glimt`, name: `Glimt v Roma ${run}`, participants: { create: [{ teamId: used.id, position: 0, side: "HOME" }] } } });
    const refused = await failureOf(deleteTeam(editor, { id: used.id, updatedAt: await updatedAtOf(used.id) }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain(`1 event (Glimt v Roma ${run})`);
  });
});

describe("athletes", () => {
  it("take a team and a photo from the media library, refuse unknown ones, and follow the same stale rule", async () => {
    const club = await team("Athletes Club");
    const photo = await db.media.create({ data: { storageKey: `desk-${run}.jpg`, originalName: "klaebo.jpg", mimeType: "image/jpeg", width: 10, height: 10, bytes: 1, sha256: run } });
    const created = await createAthlete(editor, { name: `Johannes Klæbo ${run}`, country: "NOR", sport: "Cross-country skiing", teamId: club.id, photoId: photo.id });
    const row = await db.athlete.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ teamId: club.id, photoId: photo.id, country: "NOR" });
    const missing = await failureOf(createAthlete(editor, { name: `Nobody ${run}`, photoId: "c0000000000000000000000zz" }));
    expect(missing).toMatchObject({ status: 422, fields: { photoId: expect.any(String) } });
    const loaded = row.updatedAt.toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateAthlete(editor, { id: created.id, updatedAt: loaded, name: `J. H. Klæbo ${run}`, country: "NOR", teamId: club.id, photoId: "" });
    expect((await db.athlete.findUniqueOrThrow({ where: { id: created.id } })).photoId).toBeNull();
    expect((await failureOf(updateAthlete(editor, { id: created.id, updatedAt: loaded, name: "Stale" }))).status).toBe(409);
    await db.sportsEvent.create({ data: { identity: `desk:${run}:sprint`, name: `Sprint ${run}`, participants: { create: [{ athleteId: created.id, position: 0, rank: 1 }] } } });
    const fresh = (await db.athlete.findUniqueOrThrow({ where: { id: created.id } })).updatedAt.toISOString();
    const refused = await failureOf(deleteAthlete(editor, { id: created.id, updatedAt: fresh }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain(`Sprint ${run}`);
  });
});

describe("competitions and seasons", () => {
  it("store points first then the chosen tie-breakers and the points system, refuse unknown ones and stale edits", async () => {
    const created = await createCompetition(editor, { name: `Cup ${run}`, "tieBreakers.0": "wins", "tieBreakers.1": "", "tieBreakers.2": "goalsFor", pointsWin: "2", pointsDraw: "1", pointsLoss: "0" });
    const competition = (await getCompetition(editor, created.id))!;
    expect(competition.rules).toEqual({ tieBreakers: ["points", "wins", "goalsFor"], points: { win: 2, draw: 1, loss: 0 } });
    const headToHead = await failureOf(createCompetition(editor, { name: `H2H ${run}`, tieBreakers: ["headToHead"] }));
    expect(headToHead).toMatchObject({ status: 422, fields: { "tieBreakers.0": expect.stringContaining("not a tie-breaker") } });
    const twice = await failureOf(createCompetition(editor, { name: `Twice ${run}`, tieBreakers: ["wins", "wins"] }));
    expect(twice.status).toBe(422);

    const saved = await updateCompetition(editor, { id: created.id, revision: competition.revision, name: `Cup ${run}`, tieBreakers: ["goalDifference"] });
    expect(saved.revision).not.toBe(competition.revision);
    expect((await failureOf(updateCompetition(editor, { id: created.id, revision: competition.revision, name: `Old ${run}`, tieBreakers: [] }))).status).toBe(409);
    expect((await getCompetition(editor, created.id))!.rules.tieBreakers).toEqual(["points", "goalDifference"]);
  });

  it("lets only one of two saves made at once from the same form land, even when they change only the tie-breakers", async () => {
    const created = await createCompetition(editor, { name: `Race ${run}`, tieBreakers: ["wins"] });
    const { revision } = (await getCompetition(editor, created.id))!;
    const saves = await Promise.allSettled([
      updateCompetition(editor, { id: created.id, revision, name: `Race ${run}`, tieBreakers: ["goalsFor"] }),
      updateCompetition(editor, { id: created.id, revision, name: `Race ${run}`, tieBreakers: ["goalDifference"] }),
    ]);
    expect(saves.filter((save) => save.status === "fulfilled")).toHaveLength(1);
    const refused = saves.find((save) => save.status === "rejected") as PromiseRejectedResult;
    expect(toFailure(refused.reason).status).toBe(409);
    const row = await db.competition.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.version).toBe(2);
    expect(await db.auditEntry.count({ where: { entityId: created.id, action: "sports.competition.update" } })).toBe(1);
  });

  it("add seasons, refuse a duplicate name, and rename only from the name the form showed", async () => {
    const { competitionId, seasonId } = await competitionWithSeason("Seasons");
    expect((await failureOf(addSeason(editor, { competitionId, name: "2025/26" }))).status).toBe(409);
    await renameSeason(editor, { id: seasonId, name: "2025–26", loadedName: "2025/26" });
    expect((await failureOf(renameSeason(editor, { id: seasonId, name: "2025", loadedName: "2025/26" }))).status).toBe(409);
    expect((await db.competitionSeason.findUniqueOrThrow({ where: { id: seasonId } })).name).toBe("2025–26");
  });
});

describe("standings", () => {
  it("refuse bad rows with the row and field named, and write nothing", async () => {
    const { seasonId } = await competitionWithSeason("Bad rows");
    const [a, b] = [await team("Bad A"), await team("Bad B")];
    const table = await createStandings(editor, { seasonId, asOf: "2025-05-17" });
    const cases: [Record<string, string>[], string][] = [
      [[{ teamId: a.id, played: "3", won: "1", drawn: "1", lost: "0" }], "rows.0.played"],
      [[{ teamId: a.id, won: "-1" }], "rows.0.won"],
      [[{ teamId: a.id, won: "1.5" }], "rows.0.won"],
      [[{ teamId: a.id, form: "WWX" }], "rows.0.form"],
      [
        [
          { teamId: a.id, won: "1" },
          { teamId: b.id, won: "1" },
          { teamId: a.id, won: "2" },
        ],
        "rows.2.teamId",
      ],
    ];
    for (const [rows, field] of cases) {
      const refused = await failureOf(updateStandings(editor, { id: table.id, version: 1, rows }));
      expect(refused.status, field).toBe(422);
      expect(Object.keys(refused.fields), field).toContain(field);
    }
    const flat = await failureOf(updateStandings(editor, { id: table.id, version: "1", "rows.0.teamId": a.id, "rows.0.played": "2", "rows.0.won": "2", "rows.0.drawn": "1", "rows.0.lost": "0" }));
    expect(flat.fields).toHaveProperty("rows.0.played");
    expect(await db.standings.findUniqueOrThrow({ where: { id: table.id } })).toMatchObject({ version: 1 });
    expect(await db.standingsRow.count({ where: { standingsId: table.id } })).toBe(0);
    expect((await failureOf(createStandings(editor, { seasonId, asOf: "2025-05-17" }))).status).toBe(409);
    expect((await failureOf(createStandings(editor, { seasonId, asOf: "2025-02-30" }))).status).toBe(422);
  });

  it("rank rows by points then the competition's tie-breakers; teams level on all of them share a rank", async () => {
    const { seasonId } = await competitionWithSeason("Ranked");
    const [north, south, east, west] = [await team("North"), await team("South"), await team("East"), await team("West")];
    const table = await createStandings(editor, { seasonId, name: "Ranked table", asOf: "2025-05-17T18:30" });
    const rows = [
      { teamId: west.id, played: "4", won: "1", drawn: "1", lost: "2", goalsFor: "4", goalsAgainst: "6", form: "wdll" },
      { teamId: east.id, played: "4", won: "2", drawn: "1", lost: "1", goalsFor: "5", goalsAgainst: "4" },
      { teamId: south.id, played: "4", won: "2", drawn: "1", lost: "1", goalsFor: "5", goalsAgainst: "4" },
      { teamId: north.id, played: "4", won: "3", drawn: "1", lost: "0", goalsFor: "9", goalsAgainst: "2", form: "WWDW" },
    ];
    const saved = await updateStandings(editor, { id: table.id, version: 1, rows });
    expect(saved.version).toBe(2);
    expect((await failureOf(rankStandingsTable(editor, { id: table.id, version: 1 }))).status).toBe(409);
    await rankStandingsTable(editor, { id: table.id, version: 2 });
    const ranked = (await getStandings(editor, table.id))!;
    expect(ranked.version).toBe(3);
    expect(ranked.asOf?.toISOString()).toBe("2025-05-17T18:30:00.000Z");
    expect(ranked.rows.map((row) => [row.rankLabel, row.team.name, row.points, row.form])).toEqual([
      ["1", `North ${run}`, 10, "WWDW"],
      ["=2", `East ${run}`, 7, null],
      ["=2", `South ${run}`, 7, null],
      ["4", `West ${run}`, 4, "WDLL"],
    ]);
    expect(await db.auditEntry.count({ where: { entityType: "Standings", entityId: table.id } })).toBe(3);
  });
});

describe("medal tables", () => {
  it("entered by hand are ranked gold, silver, bronze with equal countries sharing a rank (=2)", async () => {
    const { seasonId } = await competitionWithSeason("Entered Games");
    const table = await createMedalTable(editor, { seasonId, source: "entered" });
    expect((await failureOf(createMedalTable(editor, { seasonId, source: "entered" }))).status).toBe(409);
    const duplicate = await failureOf(
      updateMedalTable(editor, {
        id: table.id,
        version: 1,
        source: "entered",
        rows: [
          { country: "NOR", name: "Norway", gold: "1", silver: "0", bronze: "0" },
          { country: "nor", name: "Norway again", gold: "1", silver: "0", bronze: "0" },
        ],
      }),
    );
    expect(duplicate).toMatchObject({ status: 422, fields: { "rows.1.country": expect.stringContaining("once") } });
    expect((await failureOf(updateMedalTable(editor, { id: table.id, version: 1, source: "entered", "rows.0.country": "SWE", "rows.0.name": "Sweden", "rows.0.gold": "-1" }))).fields).toHaveProperty(
      "rows.0.gold",
    );
    await updateMedalTable(editor, {
      id: table.id,
      version: "1",
      source: "entered",
      "rows.0.country": "SWE",
      "rows.0.name": "Sweden",
      "rows.0.gold": "1",
      "rows.0.silver": "2",
      "rows.0.bronze": "0",
      "rows.1.country": "NOR",
      "rows.1.name": "Norway",
      "rows.1.gold": "3",
      "rows.1.silver": "0",
      "rows.1.bronze": "1",
      "rows.2.country": "FIN",
      "rows.2.name": "Finland",
      "rows.2.gold": "1",
      "rows.2.silver": "2",
      // No bronze field at all: none won.
    });
    const ranked = (await getMedalTable(editor, table.id))!;
    expect(ranked.ranked.map((row) => [row.rankLabel, row.code, row.gold, row.silver, row.bronze])).toEqual([
      ["1", "NOR", 3, 0, 1],
      ["=2", "FIN", 1, 2, 0],
      ["=2", "SWE", 1, 2, 0],
    ]);
    expect((await failureOf(updateMedalTable(editor, { id: table.id, version: 1, source: "computed" }))).status).toBe(409);
  });

  it("computed from the season's medal events are rebuilt from their podiums (rank 1–3), ignoring other events", async () => {
    const { seasonId } = await competitionWithSeason("Computed Games");
    const athlete = async (name: string, country: string) => (await createAthlete(editor, { name: `${name} ${run}`, country })).id;
    const [nor1, nor2, swe, fin, ger] = [await athlete("Nor One", "NOR"), await athlete("Nor Two", "NOR"), await athlete("Swe", "SWE"), await athlete("Fin", "FIN"), await athlete("Ger", "GER")];
    const event = (name: string, medalEvent: boolean, podium: [string, number][]) =>
      db.sportsEvent.create({
        data: { identity: `desk:${run}:${name}`, name, medalEvent, competitionSeasonId: seasonId, participants: { create: podium.map(([athleteId, rank], position) => ({ athleteId, rank, position })) } },
      });
    await event("Sprint", true, [
      [nor1, 1],
      [swe, 2],
      [fin, 3],
      [ger, 4],
    ]);
    const relay = await event("Skiathlon", true, [
      [nor2, 1],
      [fin, 2],
      [swe, 3],
    ]);
    await event("Exhibition", false, [[ger, 1]]);
    const table = await createMedalTable(editor, { seasonId, source: "computed" });
    const computed = (await getMedalTable(editor, table.id))!;
    expect(computed.computed).toBe(true);
    expect(computed.ranked.map((row) => [row.rankLabel, row.code, row.gold, row.silver, row.bronze])).toEqual([
      ["1", "NOR", 2, 0, 0],
      ["=2", "FIN", 0, 1, 1],
      ["=2", "SWE", 0, 1, 1],
    ]);
    // A corrected podium, then the desk asks for the rebuild.
    await db.eventParticipant.updateMany({ where: { eventId: relay.id, athleteId: fin }, data: { rank: 3 } });
    await db.eventParticipant.updateMany({ where: { eventId: relay.id, athleteId: swe }, data: { rank: 2 } });
    await updateMedalTable(editor, { id: table.id, version: computed.version, source: "computed" });
    const rebuilt = (await getMedalTable(editor, table.id))!;
    expect(rebuilt.ranked.map((row) => [row.rankLabel, row.code, row.gold, row.silver, row.bronze])).toEqual([
      ["1", "NOR", 2, 0, 0],
      ["2", "SWE", 0, 2, 0],
      ["3", "FIN", 0, 0, 2],
    ]);
  });
});
