import type { ReactNode } from "react";
import type { StoryPage } from "@/lib/listings/queries";
import { StoryCardList } from "../story-card-list";
import { PaginationNav } from "./pagination-nav";

type Props = { title: string; path: string; listing: StoryPage; intro?: ReactNode; feedHref?: string };

// A section, tag or author page: heading, introduction, a page of stories and the page links.
export function StoryListing({ title, path, listing, intro, feedHref }: Props) {
  const isFirstPage = listing.page === 1;
  return (
    <section aria-labelledby="listing-heading" className="listing">
      <header className="listing-header">
        <h1 id="listing-heading" className="listing-title">
          {title}
          {!isFirstPage && <span className="listing-page-number">, page {listing.page}</span>}
        </h1>
        {intro}
        {feedHref && (
          <p className="listing-feed">
            <a href={feedHref}>RSS feed</a>
          </p>
        )}
      </header>
      <StoryCardList stories={listing.stories} isLeadFirst={isFirstPage} isFirstImageEager={isFirstPage} />
      <PaginationNav path={path} page={listing.page} total={listing.total} pageSize={listing.pageSize} />
    </section>
  );
}
