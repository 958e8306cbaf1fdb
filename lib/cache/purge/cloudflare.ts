// Cloudflare: purge by cache tags (the Cache-Tag response header Pressbox sends when
// HTTP_CACHE_PURGE=cloudflare), POST /client/v4/zones/{zone_id}/purge_cache with {"tags": [...]},
// authenticated by an API token with the zone's Cache Purge permission. 30 tags a request, the
// smallest limit Cloudflare has documented.
import { batches, sendPurge } from "./send";

export type CloudflareConfig = { zoneId: string; apiToken: string; apiBase?: string };

const TAGS_PER_REQUEST = 30;

export async function purgeCloudflare(config: CloudflareConfig, tags: readonly string[], timeoutMs?: number): Promise<void> {
  const url = `${config.apiBase ?? "https://api.cloudflare.com"}/client/v4/zones/${encodeURIComponent(config.zoneId)}/purge_cache`;
  const headers = { authorization: `Bearer ${config.apiToken}`, "content-type": "application/json" };
  await Promise.all(batches(tags, TAGS_PER_REQUEST).map((batch) => sendPurge("Cloudflare", url, { method: "POST", headers, body: JSON.stringify({ tags: batch }) }, timeoutMs)));
}
