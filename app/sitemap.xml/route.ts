import { listSitemapEntries } from "@/lib/feeds/queries";
import { xmlResponse } from "@/lib/feeds/respond";
import { renderSitemap } from "@/lib/feeds/sitemap";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return xmlResponse(renderSitemap(await listSitemapEntries()));
}
