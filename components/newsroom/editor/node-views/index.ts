// THE CLIENT REGISTRY: the React node view editors use for each story block. Typed by the server
// registry's BlockName, so a block without a view does not compile. To add a block, follow the
// recipe at the top of lib/editor/blocks/index.ts.
import type { ComponentType } from "react";
import type { ReactNodeViewProps } from "@tiptap/react";
import type { BlockName } from "@/lib/editor/blocks";
import { FigureView } from "./figure-view";
import { PullQuoteView } from "./pull-quote-view";
import { RelatedStoryView } from "./related-story-view";
import { SidebarView } from "./sidebar-view";
import { NewsletterView } from "./newsletter-view";

export const NODE_VIEWS = {
  figure: FigureView,
  pullQuote: PullQuoteView,
  relatedStory: RelatedStoryView,
  sidebar: SidebarView,
  newsletterSignup: NewsletterView,
} satisfies Record<BlockName, ComponentType<ReactNodeViewProps>>;
