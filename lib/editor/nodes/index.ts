// Story-specific block nodes. No React here: the server renders them without a DOM
// (lib/editor/render.tsx) and the editor adds node views from components/newsroom/editor/.
import { Node, mergeAttributes } from "@tiptap/core";
import { isRecordId, referenceAttribute } from "./reference-attribute";

const MAX_LABEL_LENGTH = 120;

function referenceNode(name: string, tag: string, attributeName: string, dataName: string) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return { [attributeName]: referenceAttribute(attributeName, dataName) };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-type="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes({ "data-type": name }, HTMLAttributes)];
    },
  });
}

// An in-body photo: the media record plus this story's caption record for it.
export const Figure = referenceNode("figure", "figure", "mediaId", "media-id").extend({
  addAttributes() {
    return { mediaId: referenceAttribute("mediaId", "media-id"), captionId: referenceAttribute("captionId", "caption-id") };
  },
});

export const PullQuote = referenceNode("pullQuote", "blockquote", "quoteId", "quote-id");

export const Sidebar = referenceNode("sidebar", "aside", "sidebarId", "sidebar-id");

// An inline teaser for another story, shown with that story's current headline.
export const RelatedStory = referenceNode("relatedStory", "div", "articleId", "article-id").extend({
  addAttributes() {
    return {
      articleId: referenceAttribute("articleId", "article-id"),
      label: {
        default: "",
        parseHTML: (element: HTMLElement) => (element.getAttribute("data-label") ?? "").slice(0, MAX_LABEL_LENGTH),
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.label === "string" && attributes.label ? { "data-label": attributes.label } : {},
      },
    };
  },
});

export const NewsletterSignup = Node.create({
  name: "newsletterSignup",
  group: "block",
  atom: true,
  draggable: true,
  parseHTML() {
    return [{ tag: 'div[data-type="newsletterSignup"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "newsletterSignup" }, HTMLAttributes)];
  },
});

export const STORY_NODES = [Figure, PullQuote, Sidebar, RelatedStory, NewsletterSignup];

export const REFERENCE_ATTRIBUTES: Record<string, readonly string[]> = {
  figure: ["mediaId", "captionId"],
  pullQuote: ["quoteId"],
  sidebar: ["sidebarId"],
  relatedStory: ["articleId"],
};

export const REQUIRED_REFERENCES: Record<string, readonly string[]> = {
  figure: ["mediaId"],
  pullQuote: ["quoteId"],
  sidebar: ["sidebarId"],
};

// References a draft may leave empty while it is being written (the teaser's story not chosen
// yet); when given they must be valid, and the publish checks refuse them empty.
export const OPTIONAL_REFERENCES: Record<string, readonly string[]> = {
  relatedStory: ["articleId"],
};

export { isRecordId, MAX_LABEL_LENGTH };
