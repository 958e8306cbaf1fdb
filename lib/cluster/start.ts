// Starts this server's part in a cluster of Pressbox instances when REDIS_URL is set (called once
// at startup by instrumentation.ts): the Redis link, invalidations to and from the other
// instances (lib/cluster/peers.ts), live notices across instances (lib/live/bus.ts). The shared
// refresh nonces (lib/internal-refresh.ts) use the same link. Only the server starts it: command
// line jobs tell the server over HTTP instead, and never hold a Redis connection open.
import { clearCacheLocally, dropTagsLocally } from "../cache/tagged-cache";
import { setFallbackTtl } from "../cache/ttl";
import { startRedisLiveBus, stopRedisLiveBus } from "../live/bus";
import { PeerCluster, setPeers } from "./peers";
import { RedisLink, redisLink, setRedisLink } from "./redis";

export function startCluster(env: Record<string, string | undefined> = process.env): RedisLink | null {
  if (!env.REDIS_URL) return null;
  const running = redisLink();
  if (running) return running;
  const link = new RedisLink(env.REDIS_URL);
  setRedisLink(link);
  setPeers(new PeerCluster(link, { dropTags: dropTagsLocally, clearAll: clearCacheLocally, setFallbackTtl }));
  startRedisLiveBus(link);
  return link;
}

// At shutdown, after the last request: closes the link; the caches go back to their normal time.
export async function stopCluster(): Promise<void> {
  const link = redisLink();
  if (!link) return;
  setPeers(undefined);
  stopRedisLiveBus();
  setRedisLink(undefined);
  setFallbackTtl(false);
  await link.close();
}
