// The newsletter sign-up form in a story. It may name the newsletter it offers (newsletterId);
// without one it offers the site's main newsletter, whichever that is when the page is shown.
// A named newsletter must exist and not be archived when the story is saved
// (lib/articles/save/check-references.ts).
import { atomNode, defineBlock, mayHaveRecordId, noSearchText } from "../block";

export const newsletterSignup = defineBlock({
  name: "newsletterSignup",
  node: atomNode("newsletterSignup", "div", { newsletterId: "newsletter-id" }),
  references: [{ attr: "newsletterId", records: "newsletterIds" }],
  validate: (attrs) => mayHaveRecordId(attrs, "newsletterId", '"newsletterSignup" needs a valid newsletterId (or none, for the main newsletter)'),
  searchText: noSearchText,
  describe: (attrs) => (attrs.newsletterId ? "Newsletter sign-up (a chosen newsletter)" : "Newsletter sign-up (the main newsletter)"),
});
