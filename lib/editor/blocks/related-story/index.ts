// An inline teaser for another story, shown with that story's current headline and an optional
// label ("'INSANE':"). A draft may leave the story unchosen; publishing needs it chosen and published.
import type { PublishProblem } from "../../../articles/publish/publish-problems";
import type { BodyNode } from "../../types";
import { atomNode, defineBlock, mayHaveRecordId, noSearchText, type BlockAttrs, type GateInput } from "../block";

const MAX_LABEL_LENGTH = 120;

const node = atomNode("relatedStory", "div", { articleId: "article-id" }).extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      label: {
        default: "",
        parseHTML: (element: HTMLElement) => (element.getAttribute("data-label") ?? "").slice(0, MAX_LABEL_LENGTH),
        renderHTML: (attributes: Record<string, unknown>) => (typeof attributes.label === "string" && attributes.label ? { "data-label": attributes.label } : {}),
      },
    };
  },
});

function validate(attrs: BlockAttrs): string[] {
  const problems = mayHaveRecordId(attrs, "articleId", '"relatedStory" needs a valid articleId');
  const label = attrs.label;
  if (label != null && (typeof label !== "string" || label.length > MAX_LABEL_LENGTH)) {
    problems.push(`related-story label must be text of at most ${MAX_LABEL_LENGTH} characters`);
  }
  return problems;
}

export type RelatedLink = { toArticleId: string; label: string };

// The links a body makes, in body order, with the label the editor gave each. A teaser whose
// story is not chosen yet has no link record (publishing refuses it).
export function relatedLinksOf(nodes: readonly BodyNode[]): RelatedLink[] {
  return nodes.flatMap((node) =>
    node.type === "relatedStory" && typeof node.attrs?.articleId === "string" ? [{ toArticleId: node.attrs.articleId, label: typeof node.attrs.label === "string" ? node.attrs.label : "" }] : [],
  );
}

function gate({ nodes, records }: GateInput): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const target = (value: string | null) => ({ kind: "block", type: "relatedStory", attr: "articleId", value }) as const;
  if (nodes.length > records.relatedLinks.length) problems.push({ message: "A related-story teaser has no story chosen.", target: target(null) });
  for (const link of records.relatedLinks) {
    if (link.toArticle.status !== "PUBLISHED") problems.push({ message: `The related story "${link.toArticle.headline}" is not published.`, target: target(link.toArticleId) });
  }
  return problems;
}

export const relatedStory = defineBlock({
  name: "relatedStory",
  node,
  references: [{ attr: "articleId", records: "articleIds" }],
  validate,
  searchText: noSearchText,
  describe: (attrs) => `Related story${attrs.label ? `: ${String(attrs.label)}` : ""}`,
  gate,
});
