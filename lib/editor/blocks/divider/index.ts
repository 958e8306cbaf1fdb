// A section divider between parts of a story: no record, no text, nothing to check.
import { atomNode, defineBlock, noSearchText } from "../block";

export const divider = defineBlock({
  name: "divider",
  node: atomNode("divider", "div"),
  references: [],
  validate: () => [],
  searchText: noSearchText,
  describe: () => "Divider",
});
