import { listNewsSitemapEntries } from "@/lib/feeds/queries";
import { xmlResponse } from "@/lib/feeds/respond";
import { renderNewsSitemap } from "@/lib/feeds/sitemap";
import { siteConfig } from "@/lib/site-config";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const publication = { name: siteConfig.name, language: siteConfig.locale };
  return xmlResponse(renderNewsSitemap(await listNewsSitemapEntries(), publication));
}
