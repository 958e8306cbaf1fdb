// One match's score: the sides, the score per side and per period, status, venue and start. Points
// at a SportsEvent (lib/sports), so a corrected score shows in every story that holds the box.
import { defineBlock, noSearchText } from "../block";
import { recordProblem, sportsNode, unchosenGate } from "../sports-attributes";

export const scoreBox = defineBlock({
  name: "scoreBox",
  node: sportsNode("scoreBox", "eventId", "event-id"),
  references: [{ attr: "eventId", records: "sportsEventIds" }],
  validate: (attrs) => recordProblem(attrs, "scoreBox", "eventId"),
  searchText: noSearchText,
  describe: (attrs) => `Score box${attrs.eventId ? ` (event ${String(attrs.eventId)})` : " (no match chosen yet)"}`,
  gate: unchosenGate("scoreBox", "eventId", "A score box has no match chosen."),
});
