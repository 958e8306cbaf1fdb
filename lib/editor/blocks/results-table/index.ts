// An event's results: the field in finishing order with time, score or points and records
// ("WR"), from a SportsEvent's participants. `limit`: the top N places (0: everyone).
import { defineBlock, noSearchText } from "../block";
import { recordProblem, sportsNode, unchosenGate, wholeNumberAttribute, wholeNumberProblem } from "../sports-attributes";

export const RESULTS_LIMIT_MAX = 200;

export const resultsTable = defineBlock({
  name: "resultsTable",
  node: sportsNode("resultsTable", "eventId", "event-id", { limit: wholeNumberAttribute("limit", "limit", 0, 0, RESULTS_LIMIT_MAX) }),
  references: [{ attr: "eventId", records: "sportsEventIds" }],
  validate: (attrs) => [...recordProblem(attrs, "resultsTable", "eventId"), ...wholeNumberProblem(attrs, "limit", 0, RESULTS_LIMIT_MAX, "results-table limit")],
  searchText: noSearchText,
  describe: (attrs) => `Results table${attrs.eventId ? ` (event ${String(attrs.eventId)})` : " (no event chosen yet)"}${attrs.limit ? `, top ${String(attrs.limit)}` : ""}`,
  gate: unchosenGate("resultsTable", "eventId", "A results table has no event chosen."),
});
