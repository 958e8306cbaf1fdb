// The newsroom's event desk (lib/sports/desk/events.ts, paste.ts) on a real database: a match is
// created and its score corrected (version + 1, an audit entry naming the change, the event's,
// teams' and season's cached data dropped, the season's computed medal table rebuilt); a stale
// version, the same team on both sides, a negative score and a date that does not parse are
// refused with nothing written. A pasted results table is stored whole (missing athletes created),
// or, with one bad row, not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { cached } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import type { Actor } from "../../lib/permissions";
import { createEvent, updateEvent } from "../../lib/sports/desk/events";
import { listEvents } from "../../lib/sports/desk/events-queries";
import { applyPaste, previewPaste } from "../../lib/sports/desk/paste";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";

const run = uniqueSuffix();
let editor: Actor;
let contributor: Actor;
let fixtures: { sportId: string; seasonId: string; villa: string; city: string; medalTableId: string; skiSportId: string; known: string };

beforeAll(async () => {
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Desk Editor"), createStaff("CONTRIBUTOR", "Desk Contributor")]);
  const sport = await db.sport.create({ data: { name: `Soccer ${run}`, nameKey: `soccer ${run}` } });
  const ski = await db.sport.create({ data: { name: `Biathlon ${run}`, nameKey: `biathlon ${run}` } });
  const competition = await db.competition.create({ data: { name: `League ${run}`, nameKey: `league ${run}`, sportId: sport.id } });
  const season = await db.competitionSeason.create({ data: { competitionId: competition.id, name: "2025-26" } });
  const team = (name: string, sportId: string, country: string) => db.team.create({ data: { name, nameKey: name.toLowerCase(), sportId, country } });
  const [villa, city] = await Promise.all([team(`Villa ${run}`, sport.id, "ENG"), team(`City ${run}`, sport.id, "ENG")]);
  const table = await db.medalTable.create({ data: { competitionSeasonId: season.id, computed: true } });
  const known = await db.athlete.create({ data: { name: `Known Skier ${run}`, nameKey: `known skier ${run}`, sportId: ski.id, country: "NOR" } });
  fixtures = { sportId: sport.id, seasonId: season.id, villa: villa.id, city: city.id, medalTableId: table.id, skiSportId: ski.id, known: known.id };
});

const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );

function match(overrides: Record<string, unknown> = {}) {
  return {
    sportId: fixtures.sportId,
    competitionSeasonId: fixtures.seasonId,
    name: `Villa v City ${run}`,
    startsAt: "2026-01-12T15:00",
    venue: "Villa Park",
    status: "FINAL",
    attendance: 32964,
    home: { teamId: fixtures.villa, score: 0, periods: [{ period: "1st half", score: 0 }] },
    away: { teamId: fixtures.city, score: 2, periods: [{ period: "1st half", score: 1 }] },
    ...overrides,
  };
}

async function counts() {
  const [events, participants, periods, audits, athletes] = await Promise.all([db.sportsEvent.count(), db.eventParticipant.count(), db.periodScore.count(), db.auditEntry.count(), db.athlete.count()]);
  return { events, participants, periods, audits, athletes };
}

async function sides(id: string) {
  const event = await db.sportsEvent.findUniqueOrThrow({ where: { id }, include: { participants: { orderBy: { side: "asc" }, include: { periods: true } } } });
  return { event, home: event.participants.find((p) => p.side === "HOME")!, away: event.participants.find((p) => p.side === "AWAY")! };
}

describe("creating and correcting a match", () => {
  it("creates a match with both sides, scores and periods, audited", async () => {
    const created = await createEvent(editor, match());
    const { event, home, away } = await sides(created.id);
    expect(event).toMatchObject({ name: `Villa v City ${run}`, venue: "Villa Park", status: "FINAL", attendance: 32964, version: 1, startsAt: new Date("2026-01-12T15:00:00Z") });
    expect(home).toMatchObject({ teamId: fixtures.villa, score: 0, outcome: "loss" });
    expect(away).toMatchObject({ teamId: fixtures.city, score: 2, outcome: "win" });
    expect(away.periods).toMatchObject([{ period: "1st half", score: 1 }]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: created.id, action: "sports.event.create" } });
    expect(audit.actorId).toBe(editor.id);
    const listed = await listEvents(editor, { q: `Villa v City ${run}` });
    expect(listed.rows.map((row) => row.id)).toContain(created.id);
  });

  it("corrects the score: version + 1, the audit names the change, cached data showing it is dropped", async () => {
    const created = await createEvent(editor, match());
    let loads = 0;
    const read = () => cached(`desk-test:${created.id}`, async () => ({ value: (loads += 1), tags: [cacheTags.sportsEvent(created.id)] }));
    await read();
    await read();
    expect(loads).toBe(1);
    const updated = await updateEvent(editor, { ...match({ home: { teamId: fixtures.villa, score: 1, periods: [] } }), id: created.id, expectedVersion: 1 });
    expect(updated.version).toBe(2);
    expect(updated.tags).toEqual(
      expect.arrayContaining([
        cacheTags.sportsEvent(created.id),
        cacheTags.team(fixtures.villa),
        cacheTags.team(fixtures.city),
        cacheTags.competitionSeason(fixtures.seasonId),
        cacheTags.medalTable(fixtures.medalTableId),
      ]),
    );
    await read();
    expect(loads).toBe(2);
    const { event, home } = await sides(created.id);
    expect(event.version).toBe(2);
    expect(home).toMatchObject({ score: 1, outcome: "loss" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: created.id, action: "sports.event.update" } });
    const changes = (audit.details as { changes: Record<string, { from: string[]; to: string[] }> }).changes;
    expect(Object.keys(changes)).toEqual(["participants"]);
    expect(changes.participants.from.join("|")).toContain("score 0");
    expect(changes.participants.to.join("|")).toContain("score 1");
  });

  it("refuses a stale version with 409 and writes nothing", async () => {
    const created = await createEvent(editor, match());
    await updateEvent(editor, { ...match({ venue: "Elsewhere" }), id: created.id, expectedVersion: 1 });
    const before = await counts();
    const failure = await updateEvent(editor, { ...match({ venue: "Stale" }), id: created.id, expectedVersion: 1 }).catch(toFailure);
    expect(failure).toMatchObject({ status: 409 });
    expect((failure as { message: string }).message).toContain("Desk Editor changed this event after you opened it");
    expect(await counts()).toEqual(before);
    expect((await db.sportsEvent.findUniqueOrThrow({ where: { id: created.id } })).venue).toBe("Elsewhere");
  });

  it("corrects an unnamed match (as imported) without naming it; a field without a name is refused", async () => {
    const created = await createEvent(editor, match({ name: "" }));
    expect((await db.sportsEvent.findUniqueOrThrow({ where: { id: created.id } })).name).toBeNull();
    const updated = await updateEvent(editor, { ...match({ name: "  ", away: { teamId: fixtures.city, score: 3, periods: [] } }), id: created.id, expectedVersion: 1 });
    expect(updated.version).toBe(2);
    const { event, away } = await sides(created.id);
    expect(event.name).toBeNull();
    expect(away.score).toBe(3);
    const before = await counts();
    const failure = await createEvent(editor, { sportId: fixtures.skiSportId, name: "", status: "FINAL", competitors: [] }).catch(toFailure);
    expect(failure).toMatchObject({ status: 422 });
    expect(JSON.stringify(failure)).toContain("only a match between two teams may go without a name");
    expect(await counts()).toEqual(before);
  });

  it("refuses the same team on both sides, a negative score and a date that does not parse, writing nothing", async () => {
    const before = await counts();
    const same = match({ away: { teamId: fixtures.villa, score: 1, periods: [] } });
    expect(await statusOf(createEvent(editor, same))).toBe(422);
    expect(await statusOf(createEvent(editor, match({ home: { teamId: fixtures.villa, score: -1, periods: [] } })))).toBe(422);
    expect(await statusOf(createEvent(editor, match({ home: { teamId: fixtures.villa, score: 1.5, periods: [] } })))).toBe(422);
    for (const startsAt of ["not a date", "2026-02-30T10:00", "2026-13-01", "yesterday"]) expect(await statusOf(createEvent(editor, match({ startsAt })))).toBe(422);
    expect(await statusOf(createEvent(contributor, match()))).toBe(403);
    expect(await statusOf(createEvent(null, match()))).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe("pasting a results table", () => {
  async function race() {
    return createEvent(editor, { sportId: fixtures.skiSportId, name: `Sprint ${run} ${uniqueSuffix()}`, status: "FINAL", competitors: [] });
  }

  it("previews matches and new names, then stores every row and creates the missing athletes", async () => {
    const event = await race();
    const text = `Rank\tName\tNOC\tTime\tRecord\n1\tknown skier ${run}\tNOR\t22:10.5\tOR\n=2\tNew Skier ${run}\tFRA\t22:30.1\t\n=2\tOther Skier ${run}\tGER\t22:30.1\t\n\tLate Skier ${run}\tSWE\tDNF\t\n`;
    const preview = await previewPaste(editor, { eventId: event.id, kind: "athlete", text });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((row) => row.match?.id ?? null)).toEqual([fixtures.known, null, null, null]);
    expect(preview.willCreate).toBe(3);
    const applied = await applyPaste(editor, { eventId: event.id, kind: "athlete", text, expectedVersion: event.version });
    expect(applied).toMatchObject({ version: 2, rows: 4, created: 3 });
    expect(applied.tags).toEqual(expect.arrayContaining([cacheTags.sportsEvent(event.id), cacheTags.athlete(fixtures.known)]));
    const stored = await db.eventParticipant.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" }, include: { athlete: true } });
    expect(stored.map((p) => [p.rank, p.athlete?.name, p.athlete?.country, p.mark, p.record])).toEqual([
      [1, `Known Skier ${run}`, "NOR", "22:10.5", "OR"],
      [2, `New Skier ${run}`, "FRA", "22:30.1", null],
      [2, `Other Skier ${run}`, "GER", "22:30.1", null],
      [null, `Late Skier ${run}`, "SWE", "DNF", null],
    ]);
    expect(stored.every((p) => p.athlete?.sportId === fixtures.skiSportId)).toBe(true);
    // The created ones get a reader address.
    expect(stored.slice(1).every((p) => p.athlete?.slug)).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: event.id, action: "sports.event.paste" } })).toBe(1);
  });

  it("refuses the whole table when one row is bad, naming the row, and writes nothing", async () => {
    const event = await race();
    const before = await counts();
    const text = `Rank,Name,Time\n1,Fine Skier ${run},22:00\nx,Broken Skier ${run},22:10\n`;
    const failure = await applyPaste(editor, { eventId: event.id, kind: "athlete", text, expectedVersion: event.version }).catch(toFailure);
    expect(failure).toMatchObject({ status: 422 });
    expect((failure as { message: string }).message).toContain("row 3: rank 'x' is not a whole number");
    expect(await counts()).toEqual(before);
    expect((await db.sportsEvent.findUniqueOrThrow({ where: { id: event.id } })).version).toBe(1);
  });

  it("refuses a stale version for a paste", async () => {
    const event = await race();
    const text = `Rank,Name\n1,Stale Skier ${run}\n`;
    await applyPaste(editor, { eventId: event.id, kind: "athlete", text, expectedVersion: 1 });
    const before = await counts();
    expect(await statusOf(applyPaste(editor, { eventId: event.id, kind: "athlete", text, expectedVersion: 1 }))).toBe(409);
    expect(await counts()).toEqual(before);
  });
});
