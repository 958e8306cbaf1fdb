import { textResponse } from "@/lib/feeds/respond";
import { absoluteUrl } from "@/lib/site-config";

export const dynamic = "force-dynamic";

// Crawlers may read the reader site; the newsroom, the APIs and the endless space of search
// results are off limits.
export function GET(): Response {
  const lines = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /newsroom",
    "Disallow: /api/",
    "Disallow: /search",
    "Disallow: /sign-in",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    `Sitemap: ${absoluteUrl("/news-sitemap.xml")}`,
    "",
  ];
  return textResponse(lines.join("\n"));
}
