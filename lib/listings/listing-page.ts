// What the section, tag and author routes share: which slugs can exist at all (anything else is
// a 404 without a lookup, so junk addresses cannot crowd the page cache) and page N of a listing.
import { isPageInRange, parsePageParam } from "./pagination";
import { listStoryPage, type ListingFilter, type StoryPage } from "./queries";

const PUBLIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isPublicSlug(slug: string): boolean {
  return slug.length <= 120 && PUBLIC_SLUG.test(slug);
}

export type PageParam = string | string[] | undefined;

// null: not a page number, or past the last page (the route answers 404).
export async function readListingPage(filter: ListingFilter, pageParam: PageParam): Promise<StoryPage | null> {
  const page = parsePageParam(pageParam);
  if (page === null) return null;
  const listing = await listStoryPage(filter, page);
  return isPageInRange(page, listing.total, listing.pageSize) ? listing : null;
}
