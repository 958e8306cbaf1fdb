// The story editor's sports record picker (lib/sports/picker.ts, GET /api/newsroom/sports/records)
// on a real database: the shared SportsML samples imported, then found by a team's name, by
// competition and season, and by id, each with the label and detail an editor reads. A bad query
// is refused with a message, a signed-out caller too, and any story writer may pick.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { importSportsMl } from "../../lib/sports/import";
import { parsePickerQuery, pickSportsRecords, readSportsRecord, searchSportsRecords } from "../../lib/sports/picker";
import type { Actor } from "../../lib/permissions";
import { createStaff } from "../fixtures/staff";
import { signInAs, TEST_AUTH_SECRET, uniqueSuffix, type FakeRequest } from "../fixtures/accounts";
import { GET as recordsRoute } from "../../app/api/newsroom/sports/records/route";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.44" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));
import { readSportsMlSample, type SportsMlSample } from "../fixtures/sports-samples";

const run = uniqueSuffix();
let editor: Actor;
let contributor: Actor;
let matchId: string;
let standingsId: string;

// A sample whose event keys and competition names are this test's own, so tests do not meet.
function variant(name: SportsMlSample): string {
  return readSportsMlSample(name, "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${run}:picker"`)
    .replace(/(<name[^>]*>)(English Barclays Premier League|German Bundesliga)(<\/name>)/g, `$1$2 ${run}$3`);
}

const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Picker Editor"), createStaff("CONTRIBUTOR", "Picker Contributor")]);
  const match = await importSportsMl(editor, { text: variant("soccer-match-g2-generic"), fileName: "match.xml" });
  const table = await importSportsMl(editor, { text: variant("soccer-standings-g2-specific"), fileName: "table.xml" });
  matchId = match.eventResults[0].id;
  standingsId = table.standingsResults[0].id;
});

describe("finding sports records for a story block", () => {
  it("finds the Villa–City match by a team's name, labelled with its score", async () => {
    const found = await searchSportsRecords(editor, "event", `villa ${run}`);
    expect(found).toEqual([{ id: matchId, label: "Aston Villa 0–2 Manchester City", detail: expect.stringContaining(`English Barclays Premier League ${run} 2014`) }]);
    expect(found[0].detail).toContain("4 Oct 2014");
    expect(found[0].detail).toContain("Final");
    expect(found[0].detail).toContain("Villa Park");
    // Every word must match somewhere: the other side's name, the competition's.
    expect((await searchSportsRecords(editor, "event", `Manchester ${run}`)).map((r) => r.id)).toEqual([matchId]);
    expect(await searchSportsRecords(editor, "event", `Dortmund ${run}`)).toEqual([]);
  });

  it("finds the Bundesliga table by a team in it (Bayern) and by its competition, with its date", async () => {
    const byTeam = await searchSportsRecords(editor, "standings", `Bayern ${run}`);
    expect(byTeam.map((r) => r.id)).toEqual([standingsId]);
    expect(byTeam[0].label).toMatch(new RegExp(`^German Bundesliga ${run} .+ \\(as of 3 Oct 2015\\)$`));
    expect(byTeam[0].detail).toContain("18 teams");
    expect((await searchSportsRecords(editor, "standings", `bundesliga ${run}`)).map((r) => r.id)).toEqual([standingsId]);
    // The match's own competition has no standings.
    expect(await searchSportsRecords(editor, "standings", `Premier ${run}`)).toEqual([]);
  });

  it("finds competition seasons (fixtures lists) and medal tables by competition and season", async () => {
    const seasons = await searchSportsRecords(editor, "season", `Premier League ${run}`);
    expect(seasons).toHaveLength(1);
    expect(seasons[0]).toMatchObject({ label: `English Barclays Premier League ${run} 2014`, detail: expect.stringContaining("1 event") });
    const medals = await db.medalTable.create({
      data: { competitionSeasonId: seasons[0].id, rows: { create: [{ country: "NOR", name: "Norway", gold: 2 }] } },
    });
    expect(await searchSportsRecords(editor, "medalTable", `${run} 2014`)).toEqual([{ id: medals.id, label: `English Barclays Premier League ${run} 2014 medal table`, detail: "1 country · entered by hand" }]);
  });

  it("reads one record by id for the block to show, and says when it is gone", async () => {
    expect(await readSportsRecord(editor, "event", matchId)).toMatchObject({ id: matchId, label: "Aston Villa 0–2 Manchester City" });
    expect(await readSportsRecord(contributor, "standings", standingsId)).toMatchObject({ id: standingsId, label: expect.stringContaining("(as of 3 Oct 2015)") });
    expect(await pickSportsRecords(editor, new URLSearchParams({ kind: "standings", id: standingsId }))).toEqual({ item: await readSportsRecord(editor, "standings", standingsId) });
    // An id of another kind is not that kind's record.
    expect(await statusOf(readSportsRecord(editor, "standings", matchId))).toBe(404);
  });

  it("lists at most 20, newest first, for an empty search", async () => {
    const items = await searchSportsRecords(editor, "event", "");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(20);
  });

  it("refuses a query it cannot answer, with a message, and a signed-out caller", async () => {
    const bad = (params: Record<string, string>) => () => parsePickerQuery(new URLSearchParams(params));
    expect(bad({ kind: "team", q: "x" })).toThrow(/kind must be one of event, standings, medalTable, season/);
    expect(bad({ q: "x" })).toThrow(/kind must be one of/);
    expect(bad({ kind: "event", q: "x".repeat(101) })).toThrow(/too long/);
    expect(bad({ kind: "event", id: "../../etc" })).toThrow(/not a record id/);
    expect(bad({ kind: "event", q: "a", id: matchId })).toThrow(/not both/);
    expect(bad({ kind: "event", q: "a\u0000" })).toThrow(/cannot be stored/);
    expect(() => parsePickerQuery(new URLSearchParams("kind=event&kind=season"))).toThrow(/once/);
    expect(await statusOf(pickSportsRecords(null, new URLSearchParams({ kind: "event", q: "villa" })))).toBe(401);
    expect(await statusOf(pickSportsRecords(contributor, new URLSearchParams({ kind: "event", q: "villa" })))).toBe(200);
  });
});

describe("GET /api/newsroom/sports/records", () => {
  const get = async (query: string, headers: Record<string, string> = {}) => {
    const response = await recordsRoute(new Request(`http://localhost/api/newsroom/sports/records?${query}`, { headers }));
    return { status: response.status, cache: response.headers.get("cache-control"), body: (await response.json()) as { items?: { id: string }[]; item?: { id: string }; error?: string } };
  };

  it("answers a story writer's search and read, never cached", async () => {
    await signInAs(request, contributor);
    const listed = await get(`kind=standings&q=${encodeURIComponent(`Bayern ${run}`)}`);
    expect(listed).toMatchObject({ status: 200, cache: "no-store" });
    expect(listed.body.items?.map((item) => item.id)).toEqual([standingsId]);
    expect(await get(`kind=event&id=${matchId}`)).toMatchObject({ status: 200, body: { item: { id: matchId, label: "Aston Villa 0–2 Manchester City" } } });
  });

  it("answers a bad query 400 with its reason, a missing record 404, a signed-out caller 401, another site 403", async () => {
    await signInAs(request, editor);
    expect(await get("kind=team&q=x")).toMatchObject({ status: 400, cache: "no-store", body: { error: expect.stringMatching(/kind must be one of event, standings, medalTable, season/) } });
    expect(await get(`kind=event&q=${"x".repeat(101)}`)).toMatchObject({ status: 400, body: { error: expect.stringMatching(/too long/) } });
    expect(await get(`kind=season&id=c${"0".repeat(24)}`)).toMatchObject({ status: 404, body: { error: expect.stringMatching(/no competition season/) } });
    expect((await get("kind=event&q=villa", { origin: "https://evil.example" })).status).toBe(403);
    await signInAs(request, null);
    expect((await get("kind=event&q=villa")).status).toBe(401);
  });
});
