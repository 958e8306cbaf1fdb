// Names of cache tags, in one place so readers and writers cannot disagree.
export const cacheTags = {
  // A story's own page, and every listing, feed or page that shows it.
  article: (id: string) => `article:${id}`,
  // A section's, tag's or author's listing pages and feed (and the stories in that section or
  // with that tag, whose related-stories lists draw on them).
  section: (id: string) => `section:${id}`,
  tag: (id: string) => `tag:${id}`,
  byline: (id: string) => `byline:${id}`,
  media: (id: string) => `media:${id}`,
  agency: (id: string) => `agency:${id}`,
  photographer: (id: string) => `photographer:${id}`,
  // Sports records (lib/sports/): an event with its participants and scores, a standings table,
  // and every page listing sports data.
  sportsEvent: (id: string) => `sports-event:${id}`,
  standings: (id: string) => `standings:${id}`,
  medalTable: (id: string) => `medal-table:${id}`,
  // A season's fixtures and results lists (any of its events changing drops it).
  competitionSeason: (id: string) => `competition-season:${id}`,
  team: (id: string) => `team:${id}`,
  athlete: (id: string) => `athlete:${id}`,
  sports: "sports",
  frontPage: "front-page",
  // RSS feeds, sitemap.xml and the news sitemap.
  feeds: "feeds",
  // Every listing of published stories (front page, sections, tags, authors, feeds): drop it
  // only for site-wide changes.
  listings: "listings",
  // Cached answers "no such page" (unknown slug, draft, unknown redirect): dropped whenever a
  // story is published or a redirect is written, so a new address works on the next request.
  notFound: "not-found",
  // Every newsletter on offer (the /newsletter page, the sign-up blocks in stories: names,
  // consent texts, which one is main): dropped by whoever writes a Newsletter row.
  newsletters: "newsletters",
  // Redirect lookups (lib/redirects): dropped by whoever writes a Redirect row.
  redirects: "redirects",
} as const;
