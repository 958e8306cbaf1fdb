// Page metadata shared by listings: title with the page number, canonical address and RSS feed.
import type { Metadata } from "next";
import { parsePageParam, pageHref } from "./pagination";
import type { PageParam } from "./listing-page";

type Listing = { title: string; path: string; description?: string; feedPath?: string; feedTitle?: string };

export function listingMetadata(listing: Listing, pageParam: PageParam): Metadata {
  const page = parsePageParam(pageParam) ?? 1;
  const title = page > 1 ? `${listing.title} (page ${page})` : listing.title;
  return {
    title,
    description: listing.description || undefined,
    alternates: {
      canonical: pageHref(listing.path, page),
      ...(listing.feedPath ? { types: { "application/rss+xml": [{ url: listing.feedPath, title: listing.feedTitle ?? listing.title }] } } : {}),
    },
    openGraph: { title, url: pageHref(listing.path, page), type: "website" },
  };
}
