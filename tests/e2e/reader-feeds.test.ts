// RSS feeds, sitemap.xml, the Google News sitemap and robots.txt: well-formed XML (parsed by
// Chromium's strict XML parser), the right namespaces, absolute URLs from SITE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, urlFor } from "./harness";
import { getText } from "./reader-support";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(urlFor("/robots.txt"));
});

afterAll(async () => {
  await browser?.close();
});

type Parsed = { error: string | null; root: string; rootNs: string | null; values: Record<string, string[]> };

// Parses in the browser; `queries` maps a name to [namespace, local name] of elements to read.
async function parseXml(xml: string, queries: Record<string, [string | null, string]>): Promise<Parsed> {
  return page.evaluate(
    ({ xml, queries }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
      const values: Record<string, string[]> = {};
      for (const [name, [ns, local]] of Object.entries(queries)) {
        values[name] = Array.from(doc.getElementsByTagNameNS(ns ?? "*", local)).map((node) => node.getAttribute("href") ?? node.textContent ?? "");
      }
      return { error, root: doc.documentElement.localName, rootNs: doc.documentElement.namespaceURI, values };
    },
    { xml, queries },
  );
}

// Absolute URLs are built from SITE_URL, which the test server leaves at its default
// (http://localhost:PORT), so addresses are compared by path.
const pathOf = (url: string) => {
  expect(url).toMatch(/^https?:\/\/[^/]+\//);
  return new URL(url).pathname;
};

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";
const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

describe("RSS feeds", () => {
  it.each(["/feed.xml", "/olympics/feed.xml", "/author/aiko-mori/feed.xml"])("%s is RSS 2.0 with absolute links", async (path) => {
    const { status, text, type } = await getText(path);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/rss\+xml/);
    const feed = await parseXml(text, {
      self: [ATOM, "link"],
      links: [null, "link"],
      titles: [null, "title"],
      creators: [DC, "creator"],
      pictures: [MEDIA, "content"],
      dates: [null, "pubDate"],
    });
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("rss");
    expect(feed.values.self.map(pathOf)).toEqual([path]);
    expect(feed.values.links.length).toBeGreaterThan(1);
    for (const link of feed.values.links) expect(link).toMatch(/^https?:\/\//);
    expect(feed.values.creators.length).toBeGreaterThan(0);
    expect(feed.values.pictures.length).toBeGreaterThan(0);
    for (const date of feed.values.dates) expect(Number.isNaN(Date.parse(date))).toBe(false);
  });

  it("answers 404 for a feed of an unknown section or author", async () => {
    expect((await getText("/no-such-section/feed.xml")).status).toBe(404);
    expect((await getText("/author/nobody/feed.xml")).status).toBe(404);
  });
});

describe("sitemaps", () => {
  it("lists every public page with lastmod in sitemap.xml", async () => {
    const { status, text } = await getText("/sitemap.xml");
    expect(status).toBe(200);
    const sitemap = await parseXml(text, { locs: [SITEMAP, "loc"], lastmods: [SITEMAP, "lastmod"] });
    expect(sitemap.error).toBeNull();
    expect([sitemap.root, sitemap.rootNs]).toEqual(["urlset", SITEMAP]);
    expect(sitemap.values.locs.map(pathOf)).toEqual(expect.arrayContaining(["/", "/olympics", "/olympics/winter-olympics-team-pursuit-heartbreak", "/tag/winter-olympics", "/author/aiko-mori"]));
    expect(sitemap.values.locs.some((loc) => loc.includes("biathlon-relay-preview"))).toBe(false);
    expect(sitemap.values.lastmods.length).toBeGreaterThan(10);
  });

  it("lists stories of the last 48 hours in the news sitemap", async () => {
    const { text } = await getText("/news-sitemap.xml");
    const news = await parseXml(text, { locs: [SITEMAP, "loc"], names: [NEWS, "name"], titles: [NEWS, "title"], dates: [NEWS, "publication_date"], languages: [NEWS, "language"] });
    expect(news.error).toBeNull();
    expect(news.rootNs).toBe(SITEMAP);
    const paths = news.values.locs.map(pathOf);
    expect(paths).toContain("/olympics/winter-olympics-team-pursuit-heartbreak");
    // Published 52 hours ago in the demo newsroom: too old for Google News.
    expect(paths).not.toContain("/olympics/aussie-snowboarder-frightening-olympics-crash");
    expect(news.values.titles.length).toBe(news.values.locs.length);
    expect(new Set(news.values.languages)).toEqual(new Set(["en"]));
    for (const date of news.values.dates) expect(Date.now() - Date.parse(date)).toBeLessThanOrEqual(48 * 3_600_000);
  });

  it("points crawlers at both sitemaps from robots.txt", async () => {
    const { status, text } = await getText("/robots.txt");
    expect(status).toBe(200);
    expect(text).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
    expect(text).toMatch(/^Sitemap: https?:\/\/[^/]+\/news-sitemap\.xml$/m);
    expect(text).toMatch(/^Disallow: \/newsroom$/m);
  });
});
