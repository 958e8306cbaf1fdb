// The shared IPTC samples, in both forms, read as a sports desk would expect.
import { describe, expect, it } from "vitest";
import { readSportsMlSample, SPORTSML_SAMPLES, type SportsMlSample } from "@/tests/fixtures/sports-samples";
import { parseSportsMl } from "./parse";
import type { Participant, SportsEventDoc, SportsMlDocument } from "./types";

const parse = (name: SportsMlSample, format: "xml" | "json") => parseSportsMl(readSportsMlSample(name, format), format);
const FORMATS = ["xml", "json"] as const;

describe.each(FORMATS)("SportsML samples as %s", (format) => {
  it("Aston Villa 0–2 Manchester City: final, at Villa Park before 32,964, Villa at home", () => {
    const { events, standings } = parse("soccer-match-g2-generic", format);
    expect(standings).toEqual([]);
    expect(events).toHaveLength(1);
    const [match] = events;
    expect(match).toMatchObject({ key: "vendevent:l.premierleague.com-2014-e.755363", status: "final", venue: "Villa Park", attendance: 32964, startsAt: "2014-10-04T16:30:00.000Z" });
    expect(match.participants.map(({ name, side, score, outcome }) => ({ name, side, score, outcome }))).toEqual([
      { name: "Aston Villa", side: "home", score: 0, outcome: "loss" },
      { name: "Manchester City", side: "away", score: 2, outcome: "win" },
    ]);
    expect(match.participants[1].periods.map((period) => [period.period, period.score])).toEqual([
      ["1", 0],
      ["2", 2],
    ]);
    expect(match.participants[0].members).toHaveLength(18);
    expect(match.participants[1].members[0]).toMatchObject({ kind: "player", name: "Joe Hart" });
  });

  it("Bundesliga standings: 18 teams", () => {
    const { events, standings } = parse("soccer-standings-g2-specific", format);
    expect(events).toEqual([]);
    expect(standings).toHaveLength(1);
    expect(standings[0].rows).toHaveLength(18);
    expect(standings[0].rows[0]).toMatchObject({ key: "vendteam:o.dfb.de-t.198", name: "FC Bayern München", played: 7 });
    expect(standings[0].rows[1].name).toBe("Borussia Dortmund");
  });

  it("NHL opener: Toronto 1–3 Montreal at the Air Canada Centre, with both line-ups", () => {
    const [game] = parse("ice-hockey-match-g2-generic", format).events;
    expect(game).toMatchObject({ status: "final", venue: "Air Canada Centre", attendance: 19241, startsAt: "2015-10-07T23:20:43.000Z", endsAt: "2015-10-08T01:56:38.000Z" });
    expect(game.participants.map(({ name, side, score }) => [name, side, score])).toEqual([
      ["Toronto Maple Leafs", "home", 1],
      ["Montreal Canadiens", "away", 3],
    ]);
    expect(game.participants.map((team) => team.members.length)).toEqual([23, 23]);
  });

  it("Davis Cup: 15 ties by round, the semi-final's rubbers inside Serbia 2–3 Argentina", () => {
    const { events } = parse("tennis_davis_cup_tournament", format);
    expect(events).toHaveLength(15);
    expect(events.map((tie) => tie.stage)).toEqual([
      "World group, Final",
      ...Array(2).fill("World group, Semi-final"),
      ...Array(4).fill("World group, Quarterfinals"),
      ...Array(8).fill("World group, First round"),
    ]);
    const final = events[0];
    expect(final).toMatchObject({ status: "live", venue: "Olympic stadium", startsAt: "2011-12-02T08:00:00.000Z" });
    const semi = events[1];
    expect(semi.participants.map(({ name, side, score }) => [name, side, score])).toEqual([
      ["Serbia", "home", 2],
      ["Argentina", "away", 3],
    ]);
    expect(semi.subEvents).toHaveLength(5);
    const [first, , doubles] = semi.subEvents;
    // No offset in the document: the local time stays as written, whatever the server's zone.
    expect(first.startsAt).toBe("2011-09-16T15:00:00");
    expect(first.participants.map((player) => [player.kind, player.name, player.score, player.periods.map((set) => set.score)])).toEqual([
      ["player", "Viktor Troicki", 1, [4, 6, 2, 3]],
      ["player", "David Nalbandian", 3, [6, 4, 6, 6]],
    ]);
    expect(doubles.startsAt).toBe("2011-09-17");
    expect(doubles.participants.map((pair) => [pair.name, pair.score, pair.members.map((player) => player.name)])).toEqual([
      ["Serbia", 3, ["Viktor Troicki", "Nenad Zimonjic"]],
      ["Argentina", 0, ["Juan Ignacio Chela", "Juan Monaco"]],
    ]);
  });

  it("biathlon mixed relay: France and Norway with their times as marks, four legs each", () => {
    const [race] = parse("biathlon_mixedrelay_g2", format).events;
    expect(race).toMatchObject({ venue: "Östersunds skidstadion", startsAt: "2014-11-30T13:30:00.000Z", status: null });
    expect(race.participants.map(({ name, score, mark }) => [name, score, mark])).toEqual([
      ["France", null, "1.15.05,5"],
      ["Norway", null, "1.15.05,7"],
    ]);
    const france = race.participants[0];
    expect(france.members.map((leg) => [leg.name, leg.mark])).toEqual([
      ["Anais Bescond", "18.20,6"],
      ["Anais Chevalier", "19.26,8"],
      ["Simon Fourcade", "19.13,2"],
      ["Martin Fourcade", "18.05,5"],
    ]);
    expect(france.periods).toContainEqual({ period: "2", name: "Extra shots", score: 7, mark: null });
  });
});

describe("SportsML samples: what only the XML carries", () => {
  it("the NewsML-G2 wrapper names the sport, league and season", () => {
    expect(parse("soccer-match-g2-generic", "xml").events[0]).toMatchObject({ sport: "Soccer", competition: "English Barclays Premier League", season: "2014" });
    expect(parse("soccer-standings-g2-specific", "xml").standings[0]).toMatchObject({ sport: "Soccer", competition: "German Bundesliga", season: "2015", date: "2015-10-03" });
  });

  it("the Bundesliga table comes in rank order with its numbers", () => {
    const { rows } = parse("soccer-standings-g2-specific", "xml").standings[0];
    expect(rows.map((row) => row.rank)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(rows[0]).toEqual({ key: "vendteam:o.dfb.de-t.198", name: "FC Bayern München", rank: 1, played: 7, won: 7, drawn: 0, lost: 0, goalsFor: 23, goalsAgainst: 3, points: 21 });
    expect(rows[1]).toMatchObject({ name: "Borussia Dortmund", won: 5, drawn: 2, lost: 0, goalsFor: 21, goalsAgainst: 6, points: 17 });
    for (const row of rows) expect(row.played).toBe((row.won ?? 0) + (row.drawn ?? 0) + (row.lost ?? 0));
    for (const [index, row] of rows.slice(1).entries()) expect(row.points ?? 0).toBeLessThanOrEqual(rows[index].points ?? 0);
  });

  it("the relay's places and the tennis outcomes", () => {
    expect(parse("biathlon_mixedrelay_g2", "xml").events[0].participants.map((team) => team.rank)).toEqual([1, 2]);
    const semi = parse("tennis_davis_cup_tournament", "xml").events[1];
    expect(semi.participants.map((team) => team.outcome)).toEqual(["loss", "win"]);
    // Nalbandian's typed rank is his world ranking, not his place in the rubber.
    expect(semi.subEvents[0].participants[1].rank).toBeNull();
  });
});

// The SportsJS samples were converted without the NewsML-G2 wrapper and drop a few fields (the
// standings' outcome totals and ranks, tennis outcomes, relay places); everything else must match.
function withoutJsonGaps(document: SportsMlDocument, name: SportsMlSample): unknown {
  const participant = (entry: Participant): unknown => ({
    ...entry,
    outcome: name === "tennis_davis_cup_tournament" ? null : entry.outcome,
    rank: name === "biathlon_mixedrelay_g2" ? null : entry.rank,
    members: entry.members.map(participant),
  });
  const event = (entry: SportsEventDoc): unknown => ({
    ...entry,
    path: null,
    sport: null,
    competition: null,
    season: null,
    participants: entry.participants.map(participant),
    subEvents: entry.subEvents.map(event),
  });
  return {
    events: document.events.map(event),
    standings: document.standings.map((table) => ({ name: table.name, rows: table.rows.map((row) => ({ key: row.key, name: row.name, played: row.played })) })),
    skipped: document.skipped.length,
  };
}

describe("SportsML samples: the XML and JSON forms of a sample agree", () => {
  it.each(SPORTSML_SAMPLES)("%s", (name) => {
    expect(withoutJsonGaps(parse(name, "json"), name)).toEqual(withoutJsonGaps(parse(name, "xml"), name));
  });
});
