// A season's medal table (MedalTable): gold, then silver, then bronze, equal places shared.
// `limit`: the top N places (0: the full table).
import { defineBlock, noSearchText } from "../block";
import { recordProblem, sportsNode, unchosenGate, wholeNumberAttribute, wholeNumberProblem } from "../sports-attributes";

export const MEDAL_LIMIT_MAX = 300;

export const medalTable = defineBlock({
  name: "medalTable",
  node: sportsNode("medalTable", "medalTableId", "medal-table-id", { limit: wholeNumberAttribute("limit", "limit", 10, 0, MEDAL_LIMIT_MAX) }),
  references: [{ attr: "medalTableId", records: "medalTableIds" }],
  validate: (attrs) => [...recordProblem(attrs, "medalTable", "medalTableId"), ...wholeNumberProblem(attrs, "limit", 0, MEDAL_LIMIT_MAX, "medal-table limit")],
  searchText: noSearchText,
  describe: (attrs) => `Medal table${attrs.medalTableId ? ` (${String(attrs.medalTableId)})` : " (no table chosen yet)"}${attrs.limit ? `, top ${String(attrs.limit)}` : ", full"}`,
  gate: unchosenGate("medalTable", "medalTableId", "A medal table has no table chosen."),
});
