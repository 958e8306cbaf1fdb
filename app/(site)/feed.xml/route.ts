import { listFeedStories } from "@/lib/feeds/queries";
import { xmlResponse } from "@/lib/feeds/respond";
import { renderRss } from "@/lib/feeds/rss";
import { siteConfig } from "@/lib/site-config";

// Rendered per request from the page cache: the build needs no database.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const channel = { title: siteConfig.name, path: "/", feedPath: "/feed.xml", description: "The latest stories.", language: siteConfig.locale };
  return xmlResponse(renderRss(channel, await listFeedStories({})), "application/rss+xml");
}
