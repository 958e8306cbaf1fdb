// RSS 2.0 with the Atom self link, Dublin Core creators and Media RSS pictures.
import { absoluteUrl } from "../site-config";
import type { StoryCard } from "../listings/story-card";
import { el, empty, raw, XML_DECLARATION } from "./xml";

const RSS_NAMESPACES = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:media": "http://search.yahoo.com/mrss/",
} as const;

export type FeedChannel = { title: string; path: string; feedPath: string; description: string; language: string };

function picture(story: StoryCard): string[] {
  const image = story.image;
  if (!image || image.isWithdrawn) return [];
  const children = [...(image.altText ? [el("media:description", image.altText, { type: "plain" })] : []), ...(image.credit ? [el("media:credit", image.credit.full)] : [])];
  return [raw("media:content", children, { url: absoluteUrl(image.src), medium: "image", type: "image/jpeg", width: image.width, height: image.height })];
}

function item(story: StoryCard): string {
  const link = absoluteUrl(story.href);
  return raw("item", [
    el("title", story.headline),
    el("link", link),
    el("guid", link, { isPermaLink: "true" }),
    el("description", story.standfirst),
    el("pubDate", new Date(story.publishedAt).toUTCString()),
    ...story.bylines.map((name) => el("dc:creator", name)),
    el("category", story.sectionName),
    ...picture(story),
  ]);
}

// A channel of items already written (`item` elements), built at `lastBuild`.
export function renderChannel(channel: FeedChannel, items: string[], lastBuild: Date): string {
  const body = raw("channel", [
    el("title", channel.title),
    el("link", absoluteUrl(channel.path)),
    el("description", channel.description),
    el("language", channel.language),
    el("lastBuildDate", lastBuild.toUTCString()),
    empty("atom:link", { href: absoluteUrl(channel.feedPath), rel: "self", type: "application/rss+xml" }),
    ...items,
  ]);
  return XML_DECLARATION + raw("rss", [body], { version: "2.0", ...RSS_NAMESPACES });
}

export function renderRss(channel: FeedChannel, stories: StoryCard[], now: Date = new Date()): string {
  const newest = stories[0] ? new Date(stories[0].publishedAt) : now;
  return renderChannel(channel, stories.map(item), newest);
}
