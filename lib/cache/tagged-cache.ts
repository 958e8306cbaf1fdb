// An in-process cache of what public pages read, invalidated by tags from the write path.
// A cached page request reads memory only; publishing, unpublishing or fixing a credit drops
// exactly the entries tagged with what changed. Kept on globalThis because Next.js may load this
// module in more than one bundle of the same server process.
import { clearPages, dropPagesTagged, noteRenderTags } from "./page-cache";

type Entry = { value: unknown; tags: string[]; expiresAt: number };
type Store = {
  entries: Map<string, Entry>;
  byTag: Map<string, Set<string>>;
  pending: Map<string, Promise<Tagged<unknown>>>;
  // Bumped on every invalidation, so a load that started before it is not stored after it.
  generation: number;
  hits: number;
  misses: number;
};

const MAX_ENTRIES = Number(process.env.PAGE_CACHE_MAX_ENTRIES ?? 5000);
// Bounds staleness of writes made by another process (e.g. `npm run publish-due` from cron).
const TTL_MS = Number(process.env.PAGE_CACHE_TTL_SECONDS ?? 300) * 1000;

const globalStore = globalThis as typeof globalThis & { pressboxTaggedCache?: Store };
const store: Store = (globalStore.pressboxTaggedCache ??= {
  entries: new Map(),
  byTag: new Map(),
  pending: new Map(),
  generation: 0,
  hits: 0,
  misses: 0,
});

export type Tagged<T> = { value: T; tags: string[] };

function remove(key: string): void {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  for (const tag of entry.tags) store.byTag.get(tag)?.delete(key);
}

function put(key: string, value: unknown, tags: string[]): void {
  remove(key);
  store.entries.set(key, { value, tags, expiresAt: Date.now() + TTL_MS });
  for (const tag of tags) {
    if (!store.byTag.has(tag)) store.byTag.set(tag, new Set());
    store.byTag.get(tag)!.add(key);
  }
  while (store.entries.size > MAX_ENTRIES) remove(store.entries.keys().next().value as string);
}

// Returns the cached value for key, or runs load once (concurrent callers share it) and keeps
// its value under the tags it names. The tags also go to the page cache's render context, so a
// whole page built from these values is dropped with them.
export async function cached<T>(key: string, load: () => Promise<Tagged<T>>): Promise<T> {
  const entry = store.entries.get(key);
  if (entry && entry.expiresAt > Date.now()) {
    store.hits += 1;
    store.entries.delete(key);
    store.entries.set(key, entry);
    noteRenderTags(entry.tags);
    return entry.value as T;
  }
  let promise = store.pending.get(key) as Promise<Tagged<T>> | undefined;
  if (!promise) {
    store.misses += 1;
    const startedAt = store.generation;
    const loading: Promise<Tagged<T>> = load()
      .then((loaded) => {
        if (store.generation === startedAt) put(key, loaded.value, loaded.tags);
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

export function invalidateTags(tags: Iterable<string>): number {
  store.generation += 1;
  // Loads already under way may have read the old data: later callers must not join them.
  store.pending.clear();
  const list = [...tags];
  dropPagesTagged(list);
  let dropped = 0;
  for (const tag of list) {
    for (const key of store.byTag.get(tag) ?? []) {
      remove(key);
      dropped += 1;
    }
    store.byTag.delete(tag);
  }
  return dropped;
}

export function clearCache(): void {
  store.generation += 1;
  store.pending.clear();
  clearPages();
  store.entries.clear();
  store.byTag.clear();
}

export function cacheStats(): { entries: number; hits: number; misses: number } {
  return { entries: store.entries.size, hits: store.hits, misses: store.misses };
}
