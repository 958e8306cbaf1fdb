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
import { ScoreBox } from "../sports/score-box";
import { FieldResults } from "../sports/match-results";
import { MedalTable, StandingsTable } from "../sports/competition-tables";
import { EventList } from "../sports/event-list";
import { fixturesKey } from "@/lib/sports/blocks/views";
import { eventTitle, matchHref } from "@/lib/sports/pages/views";

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

// Sports blocks: a record deleted since (an event, a table) leaves the block out, with a warning.
function ScoreBoxBlock({ attrs, records, context }: BlockReaderProps) {
  const event = typeof attrs.eventId === "string" ? records.sports.events.get(attrs.eventId) : undefined;
  return event ? <ScoreBox event={event} /> : missing(context, `sports event ${String(attrs.eventId)}`);
}

function ResultsTableBlock({ attrs, records, context }: BlockReaderProps) {
  const event = typeof attrs.eventId === "string" ? records.sports.events.get(attrs.eventId) : undefined;
  if (!event) return missing(context, `sports event ${String(attrs.eventId)}`);
  const title = eventTitle(event);
  const detail = [event.competition && [event.competition.name, event.competition.season].filter(Boolean).join(" "), event.stage].filter(Boolean).join(" · ");
  const caption = (
    <>
      <a href={matchHref(event.id)}>{title}</a>
      {detail && <span className="sports-caption-detail">{detail}</span>}
    </>
  );
  return (
    <figure className="sports-block sports-results">
      <FieldResults sides={event.sides} caption={caption} label={`${title} results`} limit={typeof attrs.limit === "number" ? attrs.limit : 0} />
    </figure>
  );
}

function StandingsTableBlock({ attrs, records, context }: BlockReaderProps) {
  const table = typeof attrs.standingsId === "string" ? records.sports.standings.get(attrs.standingsId) : undefined;
  if (!table) return missing(context, `standings table ${String(attrs.standingsId)}`);
  return (
    <figure className="sports-block sports-standings">
      <StandingsTable table={table} highlight={attrs.highlightStoryTeams === false ? new Set() : records.sports.storyTeamIds} />
    </figure>
  );
}

function MedalTableBlock({ attrs, records, context }: BlockReaderProps) {
  const table = typeof attrs.medalTableId === "string" ? records.sports.medalTables.get(attrs.medalTableId) : undefined;
  if (!table) return missing(context, `medal table ${String(attrs.medalTableId)}`);
  return (
    <figure className="sports-block sports-medals">
      <MedalTable table={table} limit={typeof attrs.limit === "number" ? attrs.limit : 10} />
    </figure>
  );
}

function FixturesListBlock({ attrs, records, context }: BlockReaderProps) {
  const direction = attrs.direction === "last" ? "last" : "next";
  const list = typeof attrs.competitionSeasonId === "string" ? records.sports.fixtures.get(fixturesKey(attrs.competitionSeasonId, direction, typeof attrs.count === "number" ? attrs.count : 5)) : undefined;
  if (!list) return missing(context, `competition season ${String(attrs.competitionSeasonId)}`);
  const name = [list.competition, list.season].filter(Boolean).join(" ");
  const what = direction === "next" ? "Fixtures" : "Results";
  return (
    <figure className="sports-block sports-fixtures">
      <EventList
        events={list.events}
        caption={name ? `${what}: ${name}` : what}
        label={`${name} ${what.toLowerCase()}`.trim()}
        emptyText={direction === "next" ? `${name}: no matches scheduled.` : `${name}: no results yet.`}
        showCompetition={false}
      />
    </figure>
  );
}

export const STORY_BLOCK_READERS = {
  figure: FigureBlock,
  pullQuote: PullQuoteBlock,
  relatedStory: RelatedStoryBlock,
  sidebar: SidebarBlock,
  newsletterSignup: NewsletterSignup,
  embed: EmbedBlock,
  scoreBox: ScoreBoxBlock,
  resultsTable: ResultsTableBlock,
  standingsTable: StandingsTableBlock,
  medalTable: MedalTableBlock,
  fixturesList: FixturesListBlock,
} satisfies Record<BlockName, (props: BlockReaderProps) => ReactNode>;
