// Renders a stored body on the server with @tiptap/static-renderer and the same extension list
// the editor uses. Story nodes become reader components fed from records loaded by id.
import type { ReactNode } from "react";
import { Node as PmNode, type Schema } from "@tiptap/pm/model";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { Extensions } from "@tiptap/core";
import type { BodyRecords } from "../articles/article-page";
import { sidebarExtensions, storyExtensions } from "./extensions";
import { getSidebarSchema, getStorySchema } from "./schema";
import { pruneBody } from "./prune";
import { isSafeHref } from "./safe-url";
import { StoryFigure } from "../../components/site/story/story-figure";
import { PullQuote } from "../../components/site/story/pull-quote";
import { RelatedTeaser } from "../../components/site/story/related-teaser";
import { SidebarBox } from "../../components/site/story/sidebar-box";
import { NewsletterSignup } from "../../components/site/story/newsletter-signup";

type Attrs = Record<string, unknown>;

let extensionCache: { story: Extensions; sidebar: Extensions } | undefined;
function extensions() {
  extensionCache ??= { story: storyExtensions(), sidebar: sidebarExtensions() };
  return extensionCache;
}

function toDocument(body: unknown, schema: Schema, context: string): PmNode {
  const { doc, problems } = pruneBody(body, schema);
  if (problems.length) console.warn(`[render] ${context}: ${problems.join("; ")}`);
  try {
    return PmNode.fromJSON(schema, doc);
  } catch (error) {
    console.warn(`[render] ${context}: body could not be read (${(error as Error).message})`);
    return PmNode.fromJSON(schema, { type: "doc", content: [] });
  }
}

function missing(context: string, what: string): null {
  console.warn(`[render] ${context}: ${what} no longer exists; left out`);
  return null;
}

const linkMapping = {
  link: ({ mark, children }: { mark: { attrs: Attrs }; children?: ReactNode }) => {
    const href = mark.attrs.href;
    if (!isSafeHref(href)) return <>{children}</>;
    const isExternal = /^https?:/i.test(href);
    return (
      <a href={href} rel={isExternal ? "noopener noreferrer" : undefined}>
        {children}
      </a>
    );
  },
};

export function renderSidebarBody(body: unknown, context: string): ReactNode {
  return renderToReactElement({
    content: toDocument(body, getSidebarSchema(), context),
    extensions: extensions().sidebar,
    options: { markMapping: linkMapping },
  });
}

export function renderStoryBody(body: unknown, records: BodyRecords, context: string): ReactNode {
  const nodeMapping = {
    figure: ({ node }: { node: PmNode }) => {
      const media = records.media.get(node.attrs.mediaId);
      if (!media) return missing(context, `photo ${node.attrs.mediaId}`);
      const caption = (node.attrs.captionId && records.captions.get(node.attrs.captionId)) ?? media.defaultCaption;
      return <StoryFigure media={media} caption={caption} sizes="(min-width: 760px) 680px, 100vw" />;
    },
    pullQuote: ({ node }: { node: PmNode }) => {
      const quote = records.quotes.get(node.attrs.quoteId);
      return quote ? <PullQuote quote={quote} /> : missing(context, `quote ${node.attrs.quoteId}`);
    },
    relatedStory: ({ node }: { node: PmNode }) => {
      const story = records.articles.get(node.attrs.articleId);
      // An unpublished or deleted target simply disappears from the reader's page.
      return story ? <RelatedTeaser label={node.attrs.label} story={story} /> : null;
    },
    sidebar: ({ node }: { node: PmNode }) => {
      const sidebar = records.sidebars.get(node.attrs.sidebarId);
      if (!sidebar) return missing(context, `sidebar ${node.attrs.sidebarId}`);
      return <SidebarBox heading={sidebar.heading}>{renderSidebarBody(sidebar.body, `${context} sidebar ${sidebar.id}`)}</SidebarBox>;
    },
    newsletterSignup: () => <NewsletterSignup />,
  };
  return renderToReactElement({
    content: toDocument(body, getStorySchema(), context),
    extensions: extensions().story,
    options: { nodeMapping, markMapping: linkMapping },
  });
}
