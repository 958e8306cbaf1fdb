// THE READER REGISTRY: which component in components/site/story/ shows each story block, fed from
// the records its ids point at (lib/editor/body-records.ts). Typed by the server registry's
// BlockName, so a block without a reader does not compile. To add a block, follow the recipe at
// the top of lib/editor/blocks/index.ts.
import type { ReactNode } from "react";
import type { BlockName } from "@/lib/editor/blocks";
import type { BodyRecords } from "@/lib/editor/body-records";
import { StoryFigure } from "./story-figure";
import { PullQuote } from "./pull-quote";
import { RelatedTeaser } from "./related-teaser";
import { SidebarBox } from "./sidebar-box";
import { NewsletterSignup } from "./newsletter-signup";
import { EmbedLinkCard, StoryEmbed } from "./story-embed";
import { matchProvider } from "@/lib/embeds/providers";
import { renderSidebarBody } from "./render-body";

// `context` names the story in warnings about records that no longer exist.
type BlockReaderProps = { attrs: Record<string, unknown>; records: BodyRecords; context: string };

function missing(context: string, what: string): null {
  console.warn(`[render] ${context}: ${what} no longer exists; left out`);
  return null;
}

function FigureBlock({ attrs, records, context }: BlockReaderProps) {
  const { mediaId, captionId } = attrs as { mediaId: string; captionId: string | null };
  const media = records.media.get(mediaId);
  if (!media) return missing(context, `photo ${mediaId}`);
  const caption = (captionId && records.captions.get(captionId)) ?? media.defaultCaption;
  return <StoryFigure media={media} caption={caption} sizes="(min-width: 760px) 680px, 100vw" />;
}

function PullQuoteBlock({ attrs, records, context }: BlockReaderProps) {
  const quoteId = attrs.quoteId as string;
  const quote = records.quotes.get(quoteId);
  return quote ? <PullQuote quote={quote} /> : missing(context, `quote ${quoteId}`);
}

function RelatedStoryBlock({ attrs, records }: BlockReaderProps) {
  const { articleId, label } = attrs as { articleId: string | null; label: string };
  const story = articleId ? records.articles.get(articleId) : undefined;
  // An unpublished or deleted target simply disappears from the reader's page.
  return story ? <RelatedTeaser label={label} story={story} /> : null;
}

function SidebarBlock({ attrs, records, context }: BlockReaderProps) {
  const sidebarId = attrs.sidebarId as string;
  const sidebar = records.sidebars.get(sidebarId);
  if (!sidebar) return missing(context, `sidebar ${sidebarId}`);
  return <SidebarBox heading={sidebar.heading}>{renderSidebarBody(sidebar.body, `${context} sidebar ${sidebar.id}`)}</SidebarBox>;
}

// An embed whose snapshot is not there is still shown as a link to its address, never dropped.
function EmbedBlock({ attrs, records }: BlockReaderProps) {
  const { embedId, url } = attrs as { embedId: string; url: string };
  const embed = records.embeds.get(embedId);
  return embed ? <StoryEmbed embed={embed} /> : <EmbedLinkCard url={url} provider={matchProvider(url)?.name ?? "Link"} />;
}

export const STORY_BLOCK_READERS = {
  figure: FigureBlock,
  pullQuote: PullQuoteBlock,
  relatedStory: RelatedStoryBlock,
  sidebar: SidebarBlock,
  newsletterSignup: NewsletterSignup,
  embed: EmbedBlock,
} satisfies Record<BlockName, (props: BlockReaderProps) => ReactNode>;
