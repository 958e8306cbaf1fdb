// sitemap.xml (protocol 0.9) and the Google News sitemap.
import { absoluteUrl } from "../site-config";
import { el, raw, XML_DECLARATION } from "./xml";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export type SitemapEntry = { path: string; lastModified?: string };
export type NewsEntry = { path: string; title: string; publishedAt: string };

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => raw("url", [el("loc", absoluteUrl(entry.path)), ...(entry.lastModified ? [el("lastmod", entry.lastModified)] : [])]));
  return XML_DECLARATION + raw("urlset", urls, { xmlns: SITEMAP_NS });
}

export function renderNewsSitemap(entries: NewsEntry[], publication: { name: string; language: string }): string {
  const urls = entries.map((entry) =>
    raw("url", [
      el("loc", absoluteUrl(entry.path)),
      raw("news:news", [raw("news:publication", [el("news:name", publication.name), el("news:language", publication.language)]), el("news:publication_date", entry.publishedAt), el("news:title", entry.title)]),
    ]),
  );
  return XML_DECLARATION + raw("urlset", urls, { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS });
}
