// A pull quote: its words, speaker and context live in a quote record (indexed for search from
// there); publishing needs words and a speaker.
import type { PublishProblem } from "../../../articles/publish/publish-problems";
import { atomNode, defineBlock, needsRecordId, noSearchText, textAttr, type GateInput } from "../block";

function gate({ nodes, records }: GateInput): PublishProblem[] {
  const bodyOrder = nodes.map((node) => node.attrs?.quoteId);
  // The first in body order (quotes are stored unordered).
  const first = (ids: string[]) => bodyOrder.find((id): id is string => typeof id === "string" && ids.includes(id)) ?? ids[0];
  const problem = (message: string, value: string | undefined): PublishProblem[] => (value ? [{ message, target: { kind: "block", type: "pullQuote", attr: "quoteId", value } }] : []);
  return [
    ...problem("A pull quote has no words.", first(records.quotes.filter((q) => !q.text.trim()).map((q) => q.id))),
    ...problem("A pull quote has no speaker.", first(records.quotes.filter((q) => !q.speaker.trim()).map((q) => q.id))),
  ];
}

export const pullQuote = defineBlock({
  name: "pullQuote",
  node: atomNode("pullQuote", "blockquote", { quoteId: "quote-id" }),
  references: [{ attr: "quoteId", records: "quoteIds" }],
  validate: (attrs) => needsRecordId("pullQuote", attrs, "quoteId"),
  searchText: noSearchText,
  describe: (attrs, lookup) => {
    const quote = lookup.quote(textAttr(attrs, "quoteId"));
    return `Pull quote: “${quote?.text ?? ""}”${quote?.speaker ? ` (${quote.speaker})` : ""}`;
  },
  gate,
});
