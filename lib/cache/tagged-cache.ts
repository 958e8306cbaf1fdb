// An in-process cache of what public pages read, invalidated by tags from the write path.
// A cached page request reads memory only; publishing, unpublishing or fixing a credit drops
// exactly the entries tagged with what changed. Kept on globalThis because Next.js may load this
// module in more than one bundle of the same server process.
import { indexBytes, TaggedLru } from "./tagged-lru";
import { estimateBytes } from "./byte-size";
import { clearPages, dropPagesTagged, noteRenderTags } from "./page-cache";
import { propagateInvalidation } from "./propagate";
import { cacheTtlMs } from "./ttl";

type Entry = { value: unknown; tags: readonly string[]; expiresAt: number };
type Store = {
  values: TaggedLru<Entry>;
  pending: Map<string, Promise<Tagged<unknown>>>;
  // Bumped on every invalidation, so a load that started before it is not stored after it.
  generation: number;
};

declare global {
  var pressboxTaggedCache: Store | undefined;
}
// Its own byte limit beside the page cache's PAGE_CACHE_MAX_MB: the two hold different things (parsed
// values many pages share, against finished responses), so each is bounded and reported apart; the
// process holds at most the sum. A value's size is estimated once, when it is stored (byte-size.ts).
const MAX_BYTES = Number(process.env.DATA_CACHE_MAX_MB ?? 64) * 1024 * 1024;

const store: Store = (globalThis.pressboxTaggedCache ??= {
  values: new TaggedLru<Entry>({
    maxEntries: Number(process.env.PAGE_CACHE_MAX_ENTRIES ?? 5000),
    maxBytes: MAX_BYTES,
    sizeOf: (entry, key) => estimateBytes(entry.value) + indexBytes(key, entry.tags),
  }),
  pending: new Map(),
  generation: 0,
});

type Tagged<T> = { value: T; tags: string[] };

// Returns the cached value for key, or runs load once (concurrent callers share it) and keeps
// its value under the tags it names. The tags also go to the page cache's render context, so a
// whole page built from these values is dropped with them.
export async function cached<T>(key: string, load: () => Promise<Tagged<T>>): Promise<T> {
  const entry = store.values.get(key);
  if (entry) {
    noteRenderTags(entry.tags);
    return entry.value as T;
  }
  let promise = store.pending.get(key) as Promise<Tagged<T>> | undefined;
  if (!promise) {
    const startedAt = store.generation;
    const loading: Promise<Tagged<T>> = load()
      .then((loaded) => {
        if (store.generation === startedAt) store.values.set(key, { value: loaded.value, tags: loaded.tags, expiresAt: Date.now() + cacheTtlMs() });
        return loaded;
      })
      .finally(() => {
        if (store.pending.get(key) === loading) store.pending.delete(key);
      });
    store.pending.set(key, loading);
    promise = loading;
  }
  const { value, tags } = await promise;
  noteRenderTags(tags);
  return value;
}

// Bumped by every invalidation: a page whose render spans one is not stored.
export function cacheGeneration(): number {
  return store.generation;
}

// Drops what the tags name here, then on the other instances and in the HTTP cache in front
// (lib/cache/propagate.ts). Call it after the commit.
export function invalidateTags(tags: Iterable<string>): number {
  const list = [...tags];
  const dropped = dropTagsLocally(list);
  void propagateInvalidation({ tags: list });
  return dropped;
}

// This process only: what an invalidation from another instance calls.
export function dropTagsLocally(tags: readonly string[]): number {
  store.generation += 1;
  // Loads already under way may have read the old data: later callers must not join them.
  store.pending.clear();
  dropPagesTagged(tags);
  return store.values.dropTagged(tags);
}

export function clearCache(): void {
  clearCacheLocally();
  void propagateInvalidation({ all: true });
}

export function clearCacheLocally(): void {
  store.generation += 1;
  store.pending.clear();
  clearPages();
  store.values.clear();
}

export function cacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return store.values.stats();
}
