// importSportsMl (lib/sports/import.ts) and `npm run sports:import` (lib/sports/cli.ts) on a real
// database, with the shared IPTC SportsML samples: each stored as a reader expects; the same file
// again changes nothing and duplicates nothing; a changed score updates the event (version + 1); a
// malformed file, a contributor and a signed-out caller are refused with nothing written.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { importSportsMl } from "../../lib/sports/import";
import { runSportsImport } from "../../lib/sports/cli";
import type { Actor } from "../../lib/permissions";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { readSportsMlSample, type SportsMlSample } from "../fixtures/sports-samples";

const run = uniqueSuffix();
let editor: Actor;
let contributor: Actor;

beforeAll(async () => {
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Sports Editor"), createStaff("CONTRIBUTOR", "Sports Contributor")]);
});

const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );

// A sample whose event keys and competition names are this test's own, so tests do not meet.
function variant(name: SportsMlSample, tag: string): string {
  return readSportsMlSample(name, "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${run}:${tag}"`)
    .replace(/(<name[^>]*>)(English Barclays Premier League|German Bundesliga|Davis Cup)(<\/name>)/g, `$1$2 ${run} ${tag}$3`);
}

const importText = (text: string, actor: Actor | null = editor) => importSportsMl(actor, { text, fileName: "test.xml" });

async function rowCounts() {
  const [events, participants, periods, teams, athletes, standings, rows, sports, competitions, seasons, audits] = await Promise.all([
    db.sportsEvent.count(),
    db.eventParticipant.count(),
    db.periodScore.count(),
    db.team.count(),
    db.athlete.count(),
    db.standings.count(),
    db.standingsRow.count(),
    db.sport.count(),
    db.competition.count(),
    db.competitionSeason.count(),
    db.auditEntry.count({ where: { action: "sports.import" } }),
  ]);
  return { events, participants, periods, teams, athletes, standings, rows, sports, competitions, seasons, audits };
}

function eventWithTeams(id: string) {
  return db.sportsEvent.findUniqueOrThrow({
    where: { id },
    include: {
      sport: true,
      competitionSeason: { include: { competition: true } },
      participants: { where: { memberOfId: null }, orderBy: { position: "asc" }, include: { team: true, athlete: true, periods: { orderBy: { position: "asc" } }, members: { include: { athlete: true } } } },
      subEvents: { orderBy: { position: "asc" } },
    },
  });
}

describe("importing the shared SportsML samples", () => {
  it("Aston Villa 0–2 Manchester City: final, at Villa Park before 32,964, Villa at home, with line-ups", async () => {
    const report = await importText(variant("soccer-match-g2-generic", "villa"));
    expect(report.events).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const match = await eventWithTeams(report.eventResults[0].id);
    expect(match).toMatchObject({ status: "FINAL", venue: "Villa Park", attendance: 32964, version: 1 });
    expect(match.startsAt?.toISOString()).toBe("2014-10-04T16:30:00.000Z");
    expect(match.sport?.name).toBe("Soccer");
    expect(match.competitionSeason).toMatchObject({ name: "2014", competition: { name: `English Barclays Premier League ${run} villa` } });
    expect(match.participants.map((p) => [p.team?.name, p.side, p.score, p.outcome])).toEqual([
      ["Aston Villa", "HOME", 0, "loss"],
      ["Manchester City", "AWAY", 2, "win"],
    ]);
    expect(match.participants[1].periods.map((period) => [period.period, period.score])).toEqual([
      ["1", 0],
      ["2", 2],
    ]);
    expect(match.participants[0].members).toHaveLength(18);
    expect(match.participants[1].members.map((member) => member.athlete?.name)).toContain("Joe Hart");
  });

  it("the Bundesliga table: 18 rows in rank order with their numbers", async () => {
    const report = await importText(variant("soccer-standings-g2-specific", "table"));
    expect(report.standings).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const table = await db.standings.findUniqueOrThrow({ where: { id: report.standingsResults[0].id }, include: { rows: { orderBy: { position: "asc" }, include: { team: true } } } });
    expect(table.asOf?.toISOString()).toBe("2015-10-03T00:00:00.000Z");
    expect(table.rows.map((row) => row.rank)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(table.rows[0]).toMatchObject({ played: 7, won: 7, drawn: 0, lost: 0, goalsFor: 23, goalsAgainst: 3, points: 21, team: { name: "FC Bayern München" } });
    expect(table.rows[1].team.name).toBe("Borussia Dortmund");
  });

  it("the NHL game, the Davis Cup ties with their rubbers and the biathlon relay's marks", async () => {
    const hockey = await importText(variant("ice-hockey-match-g2-generic", "samples"));
    const game = await eventWithTeams(hockey.eventResults[0].id);
    expect(game.participants.map((p) => [p.team?.name, p.side, p.score])).toEqual([
      ["Toronto Maple Leafs", "HOME", 1],
      ["Montreal Canadiens", "AWAY", 3],
    ]);
    const davis = await importText(variant("tennis_davis_cup_tournament", "samples"));
    expect(davis.events.created).toBe(davis.eventResults.length);
    const topLevel = await db.sportsEvent.findMany({ where: { id: { in: davis.eventResults.map((e) => e.id) }, parentId: null } });
    expect(topLevel).toHaveLength(15);
    const semi = await eventWithTeams(topLevel.find((tie) => tie.position === 1)!.id);
    expect(semi.stage).toBe("World group, Semi-final");
    expect(semi.participants.map((p) => [p.team?.name, p.side, p.score])).toEqual([
      ["Serbia", "HOME", 2],
      ["Argentina", "AWAY", 3],
    ]);
    expect(semi.subEvents).toHaveLength(5);
    const relay = await importText(variant("biathlon_mixedrelay_g2", "samples"));
    const race = await eventWithTeams(relay.eventResults[0].id);
    expect(race.participants.map((p) => [p.team?.name, p.score, p.mark, p.rank])).toEqual([
      ["France", null, "1.15.05,5", 1],
      ["Norway", null, "1.15.05,7", 2],
    ]);
  });
});

describe("importing again", () => {
  it("the same files report unchanged and create nothing", async () => {
    const files = [variant("soccer-match-g2-generic", "again"), variant("soccer-standings-g2-specific", "again"), variant("tennis_davis_cup_tournament", "again")];
    for (const text of files) await importText(text);
    const before = await rowCounts();
    const reports = [];
    for (const text of files) reports.push(await importText(text));
    expect(reports[0].events).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(reports[1].standings).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(reports[2].events).toMatchObject({ created: 0, updated: 0 });
    expect(reports.flatMap((report) => report.eventResults).every((event) => event.version === 1)).toBe(true);
    expect(await rowCounts()).toEqual({ ...before, audits: before.audits + 3 });
    expect(await db.team.count({ where: { nameKey: "aston villa" } })).toBe(1);
  });

  it("a changed score updates the event: version 2, the new score, no second event", async () => {
    const original = variant("soccer-match-g2-generic", "changed");
    const first = await importText(original);
    const before = await rowCounts();
    const changed = original.replace('<stat stat-type="spstat:score" value="0"/>', '<stat stat-type="spstat:score" value="1"/>');
    const report = await importText(changed);
    expect(report.events).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(report.eventResults[0]).toMatchObject({ id: first.eventResults[0].id, version: 2 });
    const match = await eventWithTeams(first.eventResults[0].id);
    expect(match.participants.map((p) => p.score)).toEqual([1, 2]);
    expect(await rowCounts()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it("a changed table updates its rows in place: version 2, still 18 rows", async () => {
    const original = variant("soccer-standings-g2-specific", "changed");
    const first = await importText(original);
    const changed = original.replace('standing-points="21" wins="7"', 'standing-points="24" wins="7"');
    const report = await importText(changed);
    expect(report.standings).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const table = await db.standings.findUniqueOrThrow({ where: { id: first.standingsResults[0].id }, include: { rows: { orderBy: { position: "asc" } } } });
    expect(table.version).toBe(2);
    expect(table.rows).toHaveLength(18);
    expect(table.rows[0].points).toBe(24);
  });
});

describe("refusals write nothing", () => {
  it("a negative score is refused with 422 naming the element", async () => {
    const before = await rowCounts();
    const text = variant("soccer-match-g2-generic", "bad").replace('<sub-score period-value="2" score="0"/>', '<sub-score period-value="2" score="-1"/>');
    const refusal = importText(text);
    await expect(refusal).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/sub-score\[2\]@score: "-1" is not a non-negative whole number/) });
    expect(await statusOf(importText(text))).toBe(422);
    expect(await rowCounts()).toEqual(before);
  });

  it("a contributor gets 403 and a signed-out caller 401", async () => {
    const before = await rowCounts();
    const text = variant("soccer-match-g2-generic", "refused");
    expect(await statusOf(importText(text, contributor))).toBe(403);
    expect(await statusOf(importText(text, null))).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("npm run sports:import", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sports-cli-"));
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSportsImport(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  }

  it("prints one JSON line per file, exits 1 when a file is refused and 2 on a usage error", async () => {
    const { email } = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    const good = file("match.xml", variant("soccer-match-g2-generic", "cli"));
    const bad = file(
      "bad.xml",
      "<sports-content><sports-event><event-metadata attendance-x='1'/><team><team-metadata><name>A</name></team-metadata><team-stats score='-3'/></team></sports-event></sports-content>",
    );
    const result = await cli(good, bad, "--json", "--as", email);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out[0])).toMatchObject({ file: good, outcome: "imported", events: { created: 1 } });
    expect(JSON.parse(result.out[1])).toMatchObject({ file: bad, outcome: "refused", error: expect.stringMatching(/team-stats\[1\]@score: "-3"/) });
    expect(result.err[0]).toMatch(/^refused .*bad\.xml: /);
    const again = await cli(good, "--as", email);
    expect(again.code).toBe(0);
    expect(again.out[0]).toMatch(/^imported .*match\.xml: events 0 created, 0 updated, 1 unchanged;/);
    expect((await cli("--as", email)).code).toBe(2);
  });
});
