import { listFeedStories } from "@/lib/feeds/queries";
import { feedNotFound, xmlResponse } from "@/lib/feeds/respond";
import { renderRss } from "@/lib/feeds/rss";
import { getSectionBySlug } from "@/lib/sections/queries";
import { siteConfig } from "@/lib/site-config";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ section: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const section = await getSectionBySlug((await params).section);
  if (!section) return feedNotFound();
  const path = `/${section.slug}`;
  const channel = {
    title: `${section.name} | ${siteConfig.name}`,
    path,
    feedPath: `${path}/feed.xml`,
    description: section.description || `The latest ${section.name} stories.`,
    language: siteConfig.locale,
  };
  return xmlResponse(renderRss(channel, await listFeedStories({ sectionId: section.id })), "application/rss+xml");
}
