import { listFeedStories } from "@/lib/feeds/queries";
import { feedNotFound, xmlResponse } from "@/lib/feeds/respond";
import { renderRss } from "@/lib/feeds/rss";
import { isPublicSlug } from "@/lib/listings/listing-page";
import { getBylineProfileBySlug } from "@/lib/listings/queries";
import { siteConfig } from "@/lib/site-config";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const profile = isPublicSlug(slug) ? await getBylineProfileBySlug(slug) : null;
  if (!profile) return feedNotFound();
  const path = `/author/${profile.slug}`;
  const channel = {
    title: `${profile.name} | ${siteConfig.name}`,
    path,
    feedPath: `${path}/feed.xml`,
    description: `The latest stories by ${profile.name}.`,
    language: siteConfig.locale,
  };
  return xmlResponse(renderRss(channel, await listFeedStories({ profileId: profile.id })), "application/rss+xml");
}
