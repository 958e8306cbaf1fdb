// A competition season's next or last N matches, with scores for those played.
import { defineBlock, noSearchText } from "../block";
import { choiceAttribute, choiceProblem, recordProblem, sportsNode, unchosenGate, wholeNumberAttribute, wholeNumberProblem } from "../sports-attributes";

export const FIXTURE_DIRECTIONS = ["next", "last"] as const;
export type FixtureDirection = (typeof FIXTURE_DIRECTIONS)[number];
export const FIXTURES_COUNT_MAX = 20;

export const fixturesList = defineBlock({
  name: "fixturesList",
  node: sportsNode("fixturesList", "competitionSeasonId", "competition-season-id", {
    direction: choiceAttribute("direction", "direction", FIXTURE_DIRECTIONS),
    count: wholeNumberAttribute("count", "count", 5, 1, FIXTURES_COUNT_MAX),
  }),
  references: [{ attr: "competitionSeasonId", records: "competitionSeasonIds" }],
  validate: (attrs) => [
    ...recordProblem(attrs, "fixturesList", "competitionSeasonId"),
    ...choiceProblem(attrs, "direction", FIXTURE_DIRECTIONS, "fixtures direction"),
    ...wholeNumberProblem(attrs, "count", 1, FIXTURES_COUNT_MAX, "fixtures count"),
  ],
  searchText: noSearchText,
  describe: (attrs) =>
    `Fixtures: ${attrs.direction === "last" ? "last" : "next"} ${String(attrs.count ?? 5)}${attrs.competitionSeasonId ? ` (${String(attrs.competitionSeasonId)})` : " (no competition chosen yet)"}`,
  gate: unchosenGate("fixturesList", "competitionSeasonId", "A fixtures list has no competition chosen."),
});
