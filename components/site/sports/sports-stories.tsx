import type { StoryCard } from "@/lib/listings/story-card";
import type { StoryList } from "@/lib/sports/pages/views";
import { StoryCardList } from "../story-card-list";
import { PaginationNav } from "../listing/pagination-nav";

type Props = { list: StoryList<StoryCard>; heading: string; path?: string; query?: Record<string, string | undefined> };

// The stories a sports page lists, as listings show them; paged when `path` is given.
export function SportsStories({ list, heading, path, query }: Props) {
  return (
    <section aria-labelledby="sports-stories-heading" className="sports-section">
      <h2 id="sports-stories-heading" className="sports-section-title">
        {heading}
      </h2>
      <StoryCardList stories={list.stories} headingLevel={3} isFirstImageEager={false} emptyText="No stories yet." />
      {path && <PaginationNav path={path} page={list.page} total={list.total} pageSize={list.pageSize} query={query} />}
    </section>
  );
}
