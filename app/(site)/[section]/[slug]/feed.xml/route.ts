// GET /<section>/<slug>/feed.xml: the entries of a live story as RSS (lib/feeds/live-rss.ts). Read
// through the tagged cache, so the page cache keeps it until the next live write.
import { feedNotFound, xmlResponse } from "@/lib/feeds/respond";
import { renderLiveRss } from "@/lib/feeds/live-rss";
import { getLivePage } from "@/lib/live/page";
import { findPublicStory } from "@/lib/live/public-story";
import { siteConfig } from "@/lib/site-config";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ section: string; slug: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { section, slug } = await params;
  const story = await findPublicStory(section, slug);
  const live = story && (await getLivePage(story.id));
  if (!story || !live) return feedNotFound();
  const channel = {
    title: `${story.headline} | ${siteConfig.name}`,
    path: story.href,
    feedPath: `${story.href}/feed.xml`,
    description: story.standfirst || `Live coverage: ${story.headline}`,
    language: siteConfig.locale,
  };
  return xmlResponse(renderLiveRss(channel, live.entries), "application/rss+xml");
}
