// Top-level paths that belong to the app, not to a section (/newsroom, /api, /tag/…). A section
// with one of these slugs would be unreachable or would hide the app's own page.
const RESERVED_TOP_LEVEL_SLUGS: ReadonlySet<string> = new Set([
  "newsroom", "api", "media", "tag", "tags", "author", "authors", "search", "sign-in", "sign-out", "sign-up",
  "login", "logout", "newsletter", "feeds", "feed", "rss", "atom", "sitemap", "sitemap-xml", "robots", "robots-txt",
  "admin", "static", "assets", "public", "icon", "favicon", "manifest", "preview", "auth", "next", "well-known",
  "410", "404", "feed-xml", "news-sitemap", "news-sitemap-xml",
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_TOP_LEVEL_SLUGS.has(slug);
}
