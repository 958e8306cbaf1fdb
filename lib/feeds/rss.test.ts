import { describe, expect, it } from "vitest";
import type { StoryCard } from "../listings/story-card";
import { renderRss } from "./rss";
import { renderNewsSitemap, renderSitemap } from "./sitemap";

const story: StoryCard = {
  id: "a1",
  href: "/football/q-and-a",
  kicker: "",
  headline: 'Q&A: <Kofi> \u0000Mensah\'s "late" winner',
  standfirst: "Tense & tight.",
  sectionName: "Football",
  sectionSlug: "football",
  publishedAt: "2026-11-28T10:00:00.000Z",
  updatedAt: "2026-11-28T10:00:00.000Z",
  bylines: ["Rhys Bannerman"],
  image: {
    id: "m1",
    altText: "A header",
    defaultCaption: "",
    width: 960,
    height: 600,
    src: "/media/r/x-960.jpg",
    srcSetWebp: "",
    srcSetJpeg: "",
    credit: { short: "Image: AP", full: "AP Photo/Tom Okafor" },
    isWithdrawn: false,
  },
};

describe("renderRss", () => {
  const xml = renderRss({ title: "Pressbox Sport", path: "/", feedPath: "/feed.xml", description: "Latest", language: "en" }, [story]);

  it("declares RSS 2.0 with the Atom, Dublin Core and Media RSS namespaces", () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
      ),
    ).toBe(true);
    expect(xml).toMatch(/<atom:link href="https?:\/\/[^"]+\/feed\.xml" rel="self" type="application\/rss\+xml"\/>/);
  });

  it("escapes story text and uses absolute addresses and RFC 822 dates", () => {
    expect(xml).toContain("<title>Q&amp;A: &lt;Kofi&gt; Mensah&apos;s &quot;late&quot; winner</title>");
    expect(xml).toMatch(/<link>https?:\/\/[^<]+\/football\/q-and-a<\/link>/);
    expect(xml).toContain("<pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>");
    expect(xml).toContain("<dc:creator>Rhys Bannerman</dc:creator>");
    expect(xml).toMatch(/<media:content url="https?:\/\/[^"]+\/media\/r\/x-960\.jpg" medium="image"/);
    expect(xml).not.toContain("\u0000");
  });
});

describe("sitemaps", () => {
  it("writes the sitemap 0.9 and news namespaces", () => {
    expect(renderSitemap([{ path: "/a", lastModified: "2026-11-28T10:00:00.000Z" }])).toMatch(
      /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"><url><loc>https?:\/\/[^<]+\/a<\/loc><lastmod>2026-11-28T10:00:00\.000Z<\/lastmod><\/url><\/urlset>$/,
    );
    const news = renderNewsSitemap([{ path: "/a", title: "A & B", publishedAt: "2026-11-28T10:00:00.000Z" }], { name: "Pressbox Sport", language: "en" });
    expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(news).toContain("<news:news><news:publication><news:name>Pressbox Sport</news:name><news:language>en</news:language></news:publication>");
    expect(news).toContain("<news:title>A &amp; B</news:title>");
  });
});
