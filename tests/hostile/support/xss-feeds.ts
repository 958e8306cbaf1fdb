// RSS feeds read as text: each must parse as XML, hold only the elements an RSS 2.0 feed of this
// site has (a payload that escaped its element would add one), and carry each story's headline,
// standfirst, bylines and section name as text. Parsed by Chromium's DOMParser, which runs nothing.
import type { Page } from "playwright-core";
import type { StoryPlan, XssPlan } from "./xss-plan";

const FEED_ELEMENTS = new Set([
  "rss",
  "channel",
  "title",
  "link",
  "description",
  "language",
  "lastBuildDate",
  "atom:link",
  "item",
  "guid",
  "pubDate",
  "dc:creator",
  "category",
  "media:content",
  "media:description",
  "media:credit",
]);

type FeedItem = { link: string; title: string; description: string; creators: string[]; category: string };
type ParsedFeed = { error: string | null; elements: string[]; items: FeedItem[] };

function parseFeed(xml: string): ParsedFeed {
  const feed = new DOMParser().parseFromString(xml, "application/xml");
  const error = feed.querySelector("parsererror");
  const text = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent ?? "";
  return {
    error: error ? (error.textContent ?? "parse error").slice(0, 200) : null,
    elements: [...new Set(Array.from(feed.getElementsByTagName("*"), (el) => el.nodeName))],
    items: Array.from(feed.getElementsByTagName("item"), (item) => ({
      link: text(item, "link"),
      title: text(item, "title"),
      description: text(item, "description"),
      category: text(item, "category"),
      creators: Array.from(item.getElementsByTagName("dc:creator"), (el) => el.textContent ?? ""),
    })),
  };
}

const norm = (value: string) => value.replace(/\s+/g, " ").trim();

function itemProblems(item: FeedItem, story: StoryPlan | undefined, plan: XssPlan): string[] {
  if (!story) return [`an item links to ${item.link}, which is no story of this test`];
  const expected: [string, string, string][] = [
    ["title", item.title, story.headline.text],
    ["description", item.description, story.standfirst.text],
    ["category", item.category, plan.sections[story.section].name.text],
    ["creators", item.creators.join(" | "), story.bylines.map((k) => plan.profiles[k].name.text).join(" | ")],
  ];
  return expected.filter(([, got, want]) => norm(got) !== norm(want)).map(([what, got]) => `${story.slug} ${what}: ${JSON.stringify(got).slice(0, 120)}`);
}

// Problems found in one feed (none expected); `storyByPath` maps a story's address to its plan,
// `isOther` tells the test's other stories (whose texts are not from the plan) by their address.
export async function checkFeed(page: Page, xml: string, plan: XssPlan, storyByPath: Map<string, StoryPlan>, isOther: (path: string) => boolean): Promise<{ items: number; problems: string[] }> {
  const feed = await page.evaluate(parseFeed, xml);
  if (feed.error) return { items: 0, problems: [`not XML: ${feed.error}`] };
  const problems = feed.elements.filter((name) => !FEED_ELEMENTS.has(name)).map((name) => `unexpected element <${name}>`);
  for (const item of feed.items) {
    const path = new URL(item.link).pathname;
    if (!isOther(path)) problems.push(...itemProblems(item, storyByPath.get(path), plan));
  }
  if (feed.items.length === 0) problems.push("no items");
  return { items: feed.items.length, problems };
}
