// The sports event desk's server actions (app/(newsroom)/newsroom/sports/actions-events.ts) and the
// SportsML upload route, called as anonymous, contributor, editor and admin: editors and admins
// succeed; the others get 401/403 and leave the sports records and the audit log as they were.
// Also: an upload of several files reports each on its own, a refused one beside the imported.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { TEST_AUTH_SECRET, signInAs, uniqueSuffix, type FakeRequest } from "../fixtures/accounts";
import { CALLERS, itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import { readSportsMlSample } from "../fixtures/sports-samples";
import * as sportsActions from "../../app/(newsroom)/newsroom/sports/actions-events";
import { POST as uploadRoute } from "../../app/api/newsroom/sports/uploads/route";
import type { SportsUploadResult } from "../../lib/sports/desk/upload";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.26" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const run = uniqueSuffix();
const callers = noCallers();
const DESK = ["EDITOR", "ADMIN"] as const;
let teams: { home: string; away: string; sportId: string };
let seq = 0;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const matchFields = () => ({
  name: `Matrix match ${run} ${(seq += 1)}`,
  sportId: teams.sportId,
  status: "FINAL",
  startsAt: "2026-03-01T19:45",
  mode: "match",
  homeTeamId: teams.home,
  awayTeamId: teams.away,
  homeScore: "2",
  awayScore: "1",
  periodScores: "1st half: 1-0\n2nd half: 1-1",
});

type Event = { id: string; version: number };

async function freshEvent(): Promise<Event> {
  const event = await db.sportsEvent.create({ data: { identity: `matrix:${run}:${(seq += 1)}`, name: `Matrix race ${run} ${seq}`, sportId: teams.sportId } });
  return { id: event.id, version: event.version };
}

// A SportsML sample whose keys and competition are this run's own, so other tests never meet it.
function sportsMl(tag: string): string {
  return readSportsMlSample("soccer-match-g2-generic", "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${run}:${tag}"`)
    .replace(/(<name[^>]*>)(English Barclays Premier League)(<\/name>)/g, `$1$2 ${run} ${tag}$3`);
}

async function upload(files: { name: string; text: string }[]) {
  const body = new FormData();
  for (const file of files) body.append("file", new File([file.text], file.name, { type: "application/xml" }));
  const response = await uploadRoute(new Request("http://localhost/api/newsroom/sports/uploads", { method: "POST", body }));
  const data = (await response.json()) as { results?: SportsUploadResult[]; error?: string };
  return { status: response.status, data };
}

const asResult = async (work: Promise<{ status: number; data: unknown }>) => {
  const { status, data } = await work;
  return status === 200 ? { ok: true, data } : { ok: false, status, data };
};

const PASTE = "Rank\tName\tNOC\tTime\n1\tMatrix Skier\tNOR\t22:10.5\n";

const CASES = {
  createEvent: { allowed: DESK, prepare: freshEvent, call: () => sportsActions.createEventAction(null, form(matchFields())) },
  updateEvent: {
    allowed: DESK,
    prepare: freshEvent,
    call: (e: Event) => sportsActions.updateEventAction(null, form({ ...matchFields(), id: e.id, version: String(e.version) })),
  },
  previewPaste: { allowed: DESK, prepare: freshEvent, call: (e: Event) => sportsActions.previewPasteAction(null, form({ eventId: e.id, kind: "athlete", text: PASTE })) },
  applyPaste: {
    allowed: DESK,
    prepare: freshEvent,
    call: (e: Event) => sportsActions.applyPasteAction(null, form({ eventId: e.id, kind: "athlete", text: PASTE.replace("Matrix Skier", `Matrix Skier ${(seq += 1)}`), version: String(e.version) })),
  },
  uploadSportsMl: { allowed: DESK, prepare: freshEvent, call: () => asResult(upload([{ name: "match.xml", text: sportsMl(`m${(seq += 1)}`) }])) },
};

const snapshot = () =>
  Promise.all([
    db.sportsEvent.findMany({ orderBy: { id: "asc" } }),
    db.eventParticipant.findMany({ orderBy: { id: "asc" } }),
    db.periodScore.count(),
    db.athlete.count(),
    db.team.count(),
    db.competition.count(),
    db.auditEntry.count(),
  ]);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await signUpCallers(callers);
  const sport = await db.sport.create({ data: { name: `Matrix Soccer ${run}`, nameKey: `matrix soccer ${run}` } });
  const team = (name: string) => db.team.create({ data: { name, nameKey: name.toLowerCase(), sportId: sport.id } });
  const [home, away] = await Promise.all([team(`Matrix Home ${run}`), team(`Matrix Away ${run}`)]);
  teams = { home: home.id, away: away.id, sportId: sport.id };
});

describe("the sports event desk's permission matrix", () => {
  it("covers every exported server action", () => {
    // Each case is named for the action it calls, without "Action".
    expect(Object.keys(sportsActions).filter((name) => !Object.hasOwn(CASES, name.replace(/Action$/, "")))).toEqual([]);
  });

  itChecksEveryCaller(CASES, { request, callers, snapshot });
});

describe("uploading SportsML from the newsroom", () => {
  it("imports each file on its own: a malformed one is refused with its message, the others import", async () => {
    await signInAs(request, callers.EDITOR);
    const { status, data } = await upload([
      { name: "good.xml", text: sportsMl("good") },
      { name: "broken.xml", text: "<sports-content><sports-event>" },
      { name: "also-good.xml", text: sportsMl("good") },
    ]);
    expect(status).toBe(200);
    const [good, broken, again] = data.results!;
    expect(good).toMatchObject({ name: "good.xml", ok: true, events: { created: 1, updated: 0, unchanged: 0 } });
    expect(broken).toMatchObject({ name: "broken.xml", ok: false, status: 422 });
    expect(again).toMatchObject({ ok: true, events: { created: 0, updated: 0, unchanged: 1 } });
  });

  it("answers a drop of only refused files with the refusal's status", async () => {
    await signInAs(request, callers.EDITOR);
    const { status, data } = await upload([{ name: "broken.json", text: "{" }]);
    expect(status).toBe(422);
    expect(data.results?.[0]).toMatchObject({ ok: false });
  });

  for (const caller of CALLERS.filter((c) => c !== "EDITOR" && c !== "ADMIN")) {
    it(`refuses an upload from ${caller.toLowerCase()} before reading it`, async () => {
      await signInAs(request, callers[caller]);
      expect((await upload([{ name: "x.xml", text: sportsMl("refused") }])).status).toBe(caller === "ANONYMOUS" ? 401 : 403);
    });
  }
});
