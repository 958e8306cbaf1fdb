// SportsML beyond the shared samples: the standard's other shapes are read, and broken or hostile
// documents are refused whole, with the element or JSON path named.
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { MAX_SPORTSML_BYTES, parseSportsMl } from "./parse";

const NS = "http://iptc.org/std/nar/2006-10-01/";

type TeamSpec = { key: string; name: string; alignment?: string; score?: string };

function teamXml({ key, name, alignment = "", score }: TeamSpec): string {
  const side = alignment ? ` alignment="${alignment}"` : "";
  const stats = score === undefined ? "" : `<team-stats score="${score}"/>`;
  return `<team><team-metadata key="${key}"${side}><name role="nrol:full">${name}</name></team-metadata>${stats}</team>`;
}

function matchXml({
  home = {},
  away = {},
  metadata = 'event-status="speventstatus:post-event" start-date-time="2024-05-19T16:00:00+01:00"',
  extra = "",
}: { home?: Partial<TeamSpec>; away?: Partial<TeamSpec>; metadata?: string; extra?: string } = {}): string {
  const teams = [teamXml({ key: "t.home", name: "Home FC", alignment: "home", score: "2", ...home }), teamXml({ key: "t.away", name: "Away FC", alignment: "away", score: "1", ...away })];
  return `<sports-content xmlns="${NS}"><sports-event><event-metadata ${metadata}>${extra}</event-metadata>${teams.join("")}</sports-event></sports-content>`;
}

function matchJson(teamStats: Record<string, unknown>[] = [{ score: "2" }, { score: "1" }], keys = ["t.home", "t.away"]): string {
  return JSON.stringify({
    sportsEvents: [
      {
        eventMetadata: { eventStatus: "speventstatus:post-event", startDateTime: "2024-05-19T16:00:00+01:00" },
        teams: keys.map((key, index) => ({ teamMetadata: { key, alignment: index === 0 ? "home" : "away", names: [{ full: `Team ${index}` }] }, teamStats: [teamStats[index]] })),
      },
    ],
  });
}

function refusal(text: string, format?: "xml" | "json"): string {
  try {
    parseSportsMl(text, format);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    return (error as AppError).message;
  }
  throw new Error("expected the document to be refused");
}

describe("parseSportsMl reads a well-formed document", () => {
  it("reads a minimal match, its status and its sides", () => {
    const { events } = parseSportsMl(matchXml());
    expect(events[0]).toMatchObject({ status: "final", startsAt: "2024-05-19T15:00:00.000Z" });
    expect(events[0].participants.map(({ name, side, score }) => [name, side, score])).toEqual([
      ["Home FC", "home", 2],
      ["Away FC", "away", 1],
    ]);
  });

  it("maps the standard's event statuses and reports one it does not know instead of refusing", () => {
    const status = (code: string) => parseSportsMl(matchXml({ metadata: `event-status="${code}"` })).events[0].status;
    expect(["speventstatus:pre-event", "speventstatus:mid-event", "speventstatus:post-event", "speventstatus:postponed", "speventstatus:cancelled"].map(status)).toEqual([
      "scheduled",
      "live",
      "final",
      "postponed",
      "cancelled",
    ]);
    const document = parseSportsMl(matchXml({ metadata: 'event-status="speventstatus:suspended"' }));
    expect(document.events[0].status).toBeNull();
    expect(document.skipped).toEqual(['sports-content/sports-event[1]/event-metadata[1]@event-status: status "speventstatus:suspended" is not one Pressbox maps; left empty']);
  });

  it("reads a schedule's fixtures, with the sport and league from sports-metadata", () => {
    const fixture = matchXml({ metadata: 'event-status="speventstatus:pre-event" start-date-time="2024-08-17T15:00:00+01:00"', home: { score: undefined }, away: { score: undefined } }).replace(
      /<\/?sports-content[^>]*>/g,
      "",
    );
    const codes = '<sports-content-codes><sports-content-code code-type="spct:sport" code-name="Soccer"/><sports-content-code code-type="spct:league" code-name="Premier League"/></sports-content-codes>';
    const { events } = parseSportsMl(`<sports-content xmlns="${NS}"><sports-metadata>${codes}</sports-metadata><schedule>${fixture}</schedule></sports-content>`);
    expect(events[0]).toMatchObject({ path: "sports-content/schedule[1]/sports-event[1]", status: "scheduled", sport: "Soccer", competition: "Premier League" });
    expect(events[0].participants.map((team) => team.score)).toEqual([null, null]);
    const json = {
      sportsMetadata: { sportsContentCodes: [{ codeType: "spct:league", codeName: "Premier League" }] },
      schedules: [{ sportsEvents: [{ eventMetadata: { eventStatus: "speventstatus:pre-event" } }] }],
    };
    expect(parseSportsMl(JSON.stringify(json)).events[0]).toMatchObject({ path: "schedules[0].sportsEvents[0]", status: "scheduled", competition: "Premier League", participants: [] });
  });

  it("keeps a player known by key alone, and leaves out (and reports) one with neither name nor key", () => {
    const lineUp = '<player><player-metadata key="p.9"/></player><player><player-metadata/></player>';
    const document = parseSportsMl(matchXml().replace("</team>", `${lineUp}</team>`));
    expect(document.events[0].participants[0].members).toMatchObject([{ kind: "player", key: "p.9", name: null }]);
    expect(document.skipped).toEqual(["sports-content/sports-event[1]/team[1]/player[2]: a player with no name or key is left out"]);
  });

  it("reads an address's <area> (an HTML void tag name) as the element it is, and attendance written with separators", () => {
    const site =
      '<site><site-metadata><name>The Recreation Ground</name><home-location><POIDetails><address><area><name>Somerset</name></area></address></POIDetails></home-location></site-metadata><site-stats attendance="13,300"/></site>';
    expect(parseSportsMl(matchXml({ extra: site })).events[0]).toMatchObject({ venue: "The Recreation Ground", attendance: 13300 });
  });

  it("reads nested tournament parts, naming each event's rounds", () => {
    const part = (name: string, inner: string) => `<tournament-part><tournament-part-metadata><name role="nrol:full">${name}</name></tournament-part-metadata>${inner}</tournament-part>`;
    const event = matchXml().replace(/<\/?sports-content[^>]*>/g, "");
    const xml = `<sports-content><tournament><tournament-metadata><name role="nrol:full">Champions League</name></tournament-metadata>${part("Group phase", part("Group A", event))}</tournament></sports-content>`;
    expect(parseSportsMl(xml).events[0]).toMatchObject({
      competition: "Champions League",
      stage: "Group phase, Group A",
      path: "sports-content/tournament[1]/tournament-part[1]/tournament-part[1]/sports-event[1]",
    });
  });

  it("reads a namespace-prefixed document and SportsML's own sport, league and season codes", () => {
    const codes = `<sml:sports-content-codes><sml:sports-content-code code-type="spct:sport" code-name="Soccer"/><sml:sports-content-code code-type="spct:league" code-name="Women's Super League"/><sml:sports-content-code code-type="spct:season" code-key="2024-25"/></sml:sports-content-codes>`;
    const xml = matchXml({ extra: codes })
      .replace(`<sports-content xmlns="${NS}">`, `<sml:sports-content xmlns:sml="${NS}">`)
      .replace(/<(\/?)(?!sml:)([a-z])/g, "<$1sml:$2");
    expect(parseSportsMl(xml).events[0]).toMatchObject({ sport: "Soccer", competition: "Women's Super League", season: "2024-25" });
  });
});

describe("parseSportsMl refuses broken documents, naming the place", () => {
  it("a negative or non-numeric score (XML attribute, generic stat, JSON)", () => {
    expect(refusal(matchXml({ away: { score: "-1" } }))).toContain('sports-content/sports-event[1]/team[2]/team-stats[1]@score: "-1" is not a non-negative whole number');
    const stat = matchXml().replace('<team-stats score="2"/>', '<team-stats><stats><stat stat-type="spstat:score" value="two"/></stats></team-stats>');
    expect(refusal(stat)).toContain('sports-event[1]/team[1]/team-stats[1]/stats[1]/stat[1]@value: "two" is not a non-negative whole number');
    expect(refusal(matchJson([{ score: "2" }, { score: "-1" }]))).toContain('sportsEvents[0].teams[1].teamStats[0].score: "-1" is not a non-negative whole number');
  });

  it("the same team on both sides", () => {
    expect(refusal(matchXml({ away: { key: "t.home" } }))).toContain('sports-content/sports-event[1]/team[2]: team "t.home" takes part on both sides (also sports-content/sports-event[1]/team[1])');
    expect(refusal(matchJson(undefined, ["t.same", "t.same"]))).toContain('sportsEvents[0].teams[1]: team "t.same" takes part on both sides');
  });

  it("two teams both marked home", () => {
    expect(refusal(matchXml({ away: { alignment: "home" } }))).toContain("both participants are on the home side");
  });

  it("an unparseable date, attendance or rank", () => {
    expect(refusal(matchXml({ metadata: 'start-date-time="19 May 2024"' }))).toContain('sports-event[1]/event-metadata[1]@start-date-time: "19 May 2024" is not a date or date-time');
    expect(refusal(matchXml({ metadata: 'start-date-time="2024-02-30"' }))).toContain('@start-date-time: "2024-02-30" is not a date');
    expect(refusal(matchXml({ metadata: 'start-date-time="2024-05-19T25:00:00Z"' }))).toContain("@start-date-time");
    expect(parseSportsMl(matchXml({ metadata: 'start-date-time="2024-05-19T15:00"' })).events[0].startsAt).toBe("2024-05-19T15:00");
    expect(refusal(matchXml({ extra: '<site><site-stats attendance="lots"/></site>' }))).toContain('event-metadata[1]/site[1]/site-stats[1]@attendance: "lots" is not a non-negative whole number');
    const ranked = matchXml().replace('<team-stats score="2"/>', '<team-stats score="2"><rank value="1.5"/></team-stats>');
    expect(refusal(ranked)).toContain('team[1]/team-stats[1]/rank[1]@value: "1.5" is not a non-negative whole number');
  });

  it("a standing whose games played are not wins + ties + losses, or that lists a team twice", () => {
    const row = (key: string, played: number) =>
      `<team><team-metadata key="${key}"><name>${key}</name></team-metadata><team-stats><outcome-totals events-played="${played}" wins="1" ties="1" losses="1"/></team-stats></team>`;
    expect(refusal(`<sports-content><standing>${row("a", 4)}</standing></sports-content>`)).toContain(
      "standing[1]/team[1]/team-stats[1]/outcome-totals[1]: events-played 4 is not wins + ties + losses (1 + 1 + 1)",
    );
    expect(refusal(`<sports-content><standing>${row("a", 3)}${row("a", 3)}</standing></sports-content>`)).toContain('standing[1]/team[2]: team "a" is listed twice');
  });

  it("malformed XML and JSON, and documents that are not SportsML", () => {
    expect(refusal(matchXml().replace("</sports-event>", ""))).toMatch(/the document: is not well-formed XML: .*\(line 1, column \d+\)/);
    expect(refusal('{"sportsEvents": [')).toMatch(/the document: is not valid JSON/);
    expect(refusal("<newsItem><contentSet/></newsItem>")).toContain("has no sports-content element; it is not SportsML");
    expect(refusal('{"headline": "x"}')).toContain("has no sportsEvents, schedules, standings or tournaments");
    expect(refusal("[1, 2]", "json")).toContain("is not a SportsJS object");
  });
});

describe("parseSportsMl refuses hostile documents", () => {
  it("a DOCTYPE or ENTITY declaration, before expanding anything", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><sports-content>&lol2;</sports-content>`;
    expect(refusal(laughs)).toContain("the document: has a DOCTYPE or ENTITY declaration");
    const external = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${matchXml({ home: { name: "&xxe;" } })}`;
    expect(refusal(external)).toContain("DOCTYPE or ENTITY");
  });

  it("an undeclared entity stays text, never expanded", () => {
    expect(parseSportsMl(matchXml({ home: { name: "Brighton &amp; Hove &foo;" } })).events[0].participants[0].name).toBe("Brighton & Hove &foo;");
  });

  it("a document over the size limit", () => {
    const padding = " ".repeat(MAX_SPORTSML_BYTES);
    expect(refusal(matchXml() + padding)).toMatch(/the document: is 5\.0 MB; the limit is 5 MB/);
  });

  it("nesting far deeper than SportsML needs", () => {
    expect(refusal(`${"[".repeat(100)}${"]".repeat(100)}`, "json")).toContain("nests more than 64 levels deep");
    expect(refusal(`<sports-content>${"<sports-event>".repeat(100)}${"</sports-event>".repeat(100)}</sports-content>`)).toMatch(/the document: /);
  });
});
