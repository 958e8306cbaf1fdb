// A league table (Standings), optionally highlighting the teams the story is about (its team tags).
import { defineBlock, noSearchText } from "../block";
import { booleanAttribute, booleanProblem, recordProblem, sportsNode, unchosenGate } from "../sports-attributes";

export const standingsTable = defineBlock({
  name: "standingsTable",
  node: sportsNode("standingsTable", "standingsId", "standings-id", { highlightStoryTeams: booleanAttribute("highlightStoryTeams", "highlight-story-teams", true) }),
  references: [{ attr: "standingsId", records: "standingsIds" }],
  validate: (attrs) => [...recordProblem(attrs, "standingsTable", "standingsId"), ...booleanProblem(attrs, "highlightStoryTeams", "standings highlightStoryTeams")],
  searchText: noSearchText,
  describe: (attrs) => `Standings table${attrs.standingsId ? ` (${String(attrs.standingsId)})` : " (no table chosen yet)"}${attrs.highlightStoryTeams === false ? "" : ", story's teams highlighted"}`,
  gate: unchosenGate("standingsTable", "standingsId", "A standings table has no table chosen."),
});
