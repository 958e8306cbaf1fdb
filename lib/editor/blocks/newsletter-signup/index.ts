// The newsletter call to action: no record, no text, nothing to check.
import { atomNode, defineBlock, noSearchText } from "../block";

export const newsletterSignup = defineBlock({
  name: "newsletterSignup",
  node: atomNode("newsletterSignup", "div"),
  references: [],
  validate: () => [],
  searchText: noSearchText,
  describe: () => "Newsletter sign-up",
});
