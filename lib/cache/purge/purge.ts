// Purges an invalidation's tags from the HTTP cache in front of Pressbox, chosen by
// HTTP_CACHE_PURGE: `varnish` (xkey, every instance in VARNISH_PURGE_URLS), `fastly` (surrogate
// keys; FASTLY_SERVICE_ID, FASTLY_API_TOKEN) or `cloudflare` (cache tags; CLOUDFLARE_ZONE_ID,
// CLOUDFLARE_API_TOKEN). Unset, there is nothing to purge. `{all: true}` purges the site-wide key
// every public response carries (lib/cache/http-headers.ts). Never throws: a failed purge is
// logged, and that page lives until its s-maxage.
import type { Invalidation } from "../propagate";
import { headerSafeTags, SITE_TAG } from "../http-headers";
import { purgeCloudflare } from "./cloudflare";
import { purgeFastly } from "./fastly";
import { purgeVarnish, varnishUrls } from "./varnish";

type Env = Record<string, string | undefined>;

export function purgeKeys(invalidation: Invalidation): string[] {
  return "all" in invalidation ? [SITE_TAG] : headerSafeTags(invalidation.tags);
}

export async function purgeProxy(invalidation: Invalidation, env: Env = process.env): Promise<void> {
  const target = env.HTTP_CACHE_PURGE;
  if (!target) return;
  const keys = purgeKeys(invalidation);
  if (keys.length === 0) return;
  try {
    if (target === "varnish") return await purgeVarnish(varnishUrls(env.VARNISH_PURGE_URLS), keys);
    if (target === "fastly" && env.FASTLY_SERVICE_ID && env.FASTLY_API_TOKEN) return await purgeFastly({ serviceId: env.FASTLY_SERVICE_ID, apiToken: env.FASTLY_API_TOKEN }, keys);
    if (target === "cloudflare" && env.CLOUDFLARE_ZONE_ID && env.CLOUDFLARE_API_TOKEN) return await purgeCloudflare({ zoneId: env.CLOUDFLARE_ZONE_ID, apiToken: env.CLOUDFLARE_API_TOKEN }, keys);
    console.error(`[cache] HTTP_CACHE_PURGE=${target} is unknown or misses its settings: nothing was purged`);
  } catch (error) {
    console.error("[cache] the HTTP cache could not be purged", error);
  }
}
