// The RSS feed of a live story's entries (GET /<section>/<slug>/feed.xml): newest first, each
// item linking to the entry's anchor on the story page, its text as the description.
import { absoluteUrl } from "../site-config";
import { entryAnchor, entryHeadline } from "../live/headline";
import type { LiveEntryView } from "../live/views";
import { renderChannel, type FeedChannel } from "./rss";
import { el, raw } from "./xml";

export const LIVE_FEED_ENTRIES = 50;

function item(storyPath: string, entry: LiveEntryView): string {
  const link = absoluteUrl(`${storyPath}#${entryAnchor(entry.id)}`);
  return raw("item", [
    el("title", entryHeadline(entry)),
    el("link", link),
    el("guid", link, { isPermaLink: "true" }),
    el("description", entry.bodyText),
    el("pubDate", new Date(entry.postedAt).toUTCString()),
    ...entry.authors.map((author) => el("dc:creator", author.name)),
  ]);
}

// Entries in the order they were posted, newest first (pins mean nothing to a feed reader).
export function renderLiveRss(channel: FeedChannel, entries: LiveEntryView[], now: Date = new Date()): string {
  const newest = [...entries].sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0)).slice(0, LIVE_FEED_ENTRIES);
  const lastBuild = newest.reduce((latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest), "");
  return renderChannel(
    channel,
    newest.map((entry) => item(channel.path, entry)),
    lastBuild ? new Date(lastBuild) : now,
  );
}
