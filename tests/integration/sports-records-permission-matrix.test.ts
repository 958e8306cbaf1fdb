// Every server action of the sports record screens (app/(newsroom)/newsroom/sports/actions-records.ts)
// as anonymous, contributor, editor and admin: editors and admins (sports.edit) succeed; the
// others get 401/403 and leave every sports table and the audit log exactly as they were.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { uniqueSuffix, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";
import { itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import * as actions from "../../app/(newsroom)/newsroom/sports/actions-records";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.27" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const DESK = ["EDITOR", "ADMIN"] as const;
const callers = noCallers();

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const name = (what: string) => `${what} ${uniqueSuffix()}`;

// The records the cases change, made straight in the database (as nobody).
async function records() {
  const team = await db.team.create({ data: { name: name("Matrix team"), nameKey: name("matrix team") } });
  const athlete = await db.athlete.create({ data: { name: name("Matrix athlete"), nameKey: name("matrix athlete") } });
  const competition = await db.competition.create({
    data: { name: name("Matrix league"), nameKey: name("matrix league"), seasons: { create: [{ name: "2025" }, { name: "2026" }] } },
    include: { seasons: true },
  });
  const [season, spare] = competition.seasons;
  const standings = await db.standings.create({
    data: { competitionSeasonId: season.id, name: "Matrix table", rows: { create: [{ teamId: team.id, position: 0, won: 1, drawn: 0, lost: 0, goalsFor: 2, goalsAgainst: 0 }] } },
  });
  const medals = await db.medalTable.create({ data: { competitionSeasonId: season.id, computed: false } });
  const { getCompetition } = await import("../../lib/sports/desk/competitions-queries");
  const editor = { id: callers.EDITOR!.id, role: "EDITOR" as const, name: callers.EDITOR!.name };
  return { team, athlete, competition: (await getCompetition(editor, competition.id))!, season, spare, standings, medals };
}
type Records = Awaited<ReturnType<typeof records>>;

const CASES: Record<string, { allowed: typeof DESK; prepare: () => Promise<Records>; call: (r: Records) => Promise<unknown> }> = {
  createTeam: { allowed: DESK, prepare: records, call: () => actions.createTeamAction(null, form({ name: name("New team"), country: "NOR" })) },
  updateTeam: { allowed: DESK, prepare: records, call: (r) => actions.updateTeamAction(null, form({ id: r.team.id, updatedAt: r.team.updatedAt.toISOString(), name: name("Renamed team") })) },
  deleteTeam: {
    allowed: DESK,
    prepare: async () => ({ ...(await records()), team: await db.team.create({ data: { name: "Unused", nameKey: "unused" } }) }),
    call: (r) => actions.deleteTeamAction(null, form({ id: r.team.id, updatedAt: r.team.updatedAt.toISOString() })),
  },
  createAthlete: { allowed: DESK, prepare: records, call: (r) => actions.createAthleteAction(null, form({ name: name("New athlete"), teamId: r.team.id })) },
  updateAthlete: { allowed: DESK, prepare: records, call: (r) => actions.updateAthleteAction(null, form({ id: r.athlete.id, updatedAt: r.athlete.updatedAt.toISOString(), name: name("Renamed athlete") })) },
  deleteAthlete: { allowed: DESK, prepare: records, call: (r) => actions.deleteAthleteAction(null, form({ id: r.athlete.id, updatedAt: r.athlete.updatedAt.toISOString() })) },
  createCompetition: { allowed: DESK, prepare: records, call: () => actions.createCompetitionAction(null, form({ name: name("New league"), "tieBreakers.0": "goalDifference" })) },
  updateCompetition: {
    allowed: DESK,
    prepare: records,
    call: (r) => actions.updateCompetitionAction(null, form({ id: r.competition.id, revision: r.competition.revision, name: name("Renamed league"), "tieBreakers.0": "wins" })),
  },
  addSeason: { allowed: DESK, prepare: records, call: (r) => actions.addSeasonAction(null, form({ competitionId: r.competition.id, name: "2027" })) },
  renameSeason: { allowed: DESK, prepare: records, call: (r) => actions.renameSeasonAction(null, form({ id: r.spare.id, name: "2026/27", loadedName: r.spare.name })) },
  createStandings: { allowed: DESK, prepare: records, call: (r) => actions.createStandingsAction(null, form({ seasonId: r.spare.id, asOf: "2026-05-01" })) },
  updateStandings: {
    allowed: DESK,
    prepare: records,
    call: (r) => actions.updateStandingsAction(null, form({ id: r.standings.id, version: String(r.standings.version), name: "Renamed", "rows.0.teamId": r.team.id, "rows.0.won": "2" })),
  },
  rankStandings: { allowed: DESK, prepare: records, call: (r) => actions.rankStandingsAction(null, form({ id: r.standings.id, version: String(r.standings.version) })) },
  createMedalTable: { allowed: DESK, prepare: records, call: (r) => actions.createMedalTableAction(null, form({ seasonId: r.spare.id, source: "computed" })) },
  updateMedalTable: {
    allowed: DESK,
    prepare: records,
    call: (r) =>
      actions.updateMedalTableAction(
        null,
        form({ id: r.medals.id, version: String(r.medals.version), source: "entered", "rows.0.country": "NOR", "rows.0.name": "Norway", "rows.0.gold": "1", "rows.0.silver": "0", "rows.0.bronze": "0" }),
      ),
  },
};

async function snapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    db.team.findMany(byId),
    db.athlete.findMany(byId),
    db.competition.findMany(byId),
    db.competitionSeason.findMany(byId),
    db.standings.findMany(byId),
    db.standingsRow.findMany(byId),
    db.medalTable.findMany(byId),
    db.medalTableRow.findMany(byId),
    db.sport.findMany(byId),
    db.auditEntry.count(),
  ]);
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await signUpCallers(callers);
});

describe("the sports record screens' permission matrix", () => {
  it("covers every exported server action", () => {
    expect(new Set(Object.keys(CASES).map((key) => `${key}Action`))).toEqual(new Set(Object.keys(actions)));
  });

  itChecksEveryCaller(CASES, { request, callers, snapshot });
});
