// Purges an invalidation's tags from the HTTP cache in front of Pressbox (scale-out: Varnish xkey).
// Without a configured proxy there is nothing to purge.
import type { Invalidation } from "../propagate";

export async function purgeProxy(invalidation: Invalidation): Promise<void> {
  void invalidation;
}
