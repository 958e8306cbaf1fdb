// THE CLIENT REGISTRY: for each story block, the React node view editors use and the toolbar
// button that inserts it (in this order). Typed by the server registry's BlockName, so a block
// without a view does not compile. To add a block, follow the recipe at the top of
// lib/editor/blocks/index.ts.
import type { ComponentType } from "react";
import type { ReactNodeViewProps } from "@tiptap/react";
import type { BlockName } from "@/lib/editor/blocks";
import type { BlockInsert } from "./block-insert";
import { FigureView, insertFigure } from "./figure-view";
import { PullQuoteView, insertPullQuote } from "./pull-quote-view";
import { RelatedStoryView, insertRelatedStory } from "./related-story-view";
import { SidebarView, insertSidebar } from "./sidebar-view";
import { NewsletterView, insertNewsletter } from "./newsletter-view";
import { EmbedView, insertEmbed } from "./embed-view";
import { ScoreBoxView, insertScoreBox } from "./score-box-view";
import { ResultsTableView, insertResultsTable } from "./results-table-view";
import { StandingsTableView, insertStandingsTable } from "./standings-table-view";
import { MedalTableView, insertMedalTable } from "./medal-table-view";
import { FixturesListView, insertFixturesList } from "./fixtures-list-view";

type ClientBlock = { view: ComponentType<ReactNodeViewProps>; button: string; insert: BlockInsert };

export const CLIENT_BLOCKS = {
  figure: { view: FigureView, button: "+ Photo", insert: insertFigure },
  pullQuote: { view: PullQuoteView, button: "+ Quote", insert: insertPullQuote },
  relatedStory: { view: RelatedStoryView, button: "+ Related story", insert: insertRelatedStory },
  sidebar: { view: SidebarView, button: "+ Sidebar", insert: insertSidebar },
  newsletterSignup: { view: NewsletterView, button: "+ Newsletter", insert: insertNewsletter },
  embed: { view: EmbedView, button: "+ Embed", insert: insertEmbed },
  // The sports blocks (the toolbar has no groups: they follow the others, in this order).
  scoreBox: { view: ScoreBoxView, button: "+ Score box", insert: insertScoreBox },
  resultsTable: { view: ResultsTableView, button: "+ Results", insert: insertResultsTable },
  standingsTable: { view: StandingsTableView, button: "+ Standings", insert: insertStandingsTable },
  medalTable: { view: MedalTableView, button: "+ Medal table", insert: insertMedalTable },
  fixturesList: { view: FixturesListView, button: "+ Fixtures", insert: insertFixturesList },
} satisfies Record<BlockName, ClientBlock>;
