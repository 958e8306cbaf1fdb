// An in-process cache of whole public responses (HTML pages, feeds, sitemaps) in front of the
// Next.js handler (scripts/server.ts). A hit is one Map lookup and one socket write, no React
// render. Entries carry the data-cache tags their render read (collected by tagged-cache's
// `cached()` through an AsyncLocalStorage), so the write path's `invalidateTags` drops exactly
// the pages that showed what changed, in the same call that drops the data. Kept on globalThis:
// the server script and the Next.js bundles load this module separately in one process.
import { AsyncLocalStorage } from "node:async_hooks";
import { gzipSync } from "node:zlib";

export type CachedResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer | null;
  tags: string[];
  expiresAt: number;
};

type Store = {
  entries: Map<string, CachedResponse>;
  byTag: Map<string, Set<string>>;
  bytes: number;
  hits: number;
  misses: number;
};

export type RenderContext = { tags: Set<string>; startedAt: number };

const MAX_ENTRIES = Number(process.env.PAGE_CACHE_MAX_ENTRIES ?? 5000);
const MAX_BYTES = Number(process.env.PAGE_CACHE_MAX_MB ?? 256) * 1024 * 1024;
const TTL_MS = Number(process.env.PAGE_CACHE_TTL_SECONDS ?? 300) * 1000;
// Smaller bodies are not worth compressing.
const GZIP_MIN_BYTES = 1024;

const globals = globalThis as typeof globalThis & { pressboxPageCache?: Store; pressboxRenderContext?: AsyncLocalStorage<RenderContext> };
const store: Store = (globals.pressboxPageCache ??= { entries: new Map(), byTag: new Map(), bytes: 0, hits: 0, misses: 0 });
const renderContext: AsyncLocalStorage<RenderContext> = (globals.pressboxRenderContext ??= new AsyncLocalStorage<RenderContext>());

// Runs one request's render with a context that collects the cache tags of the data it reads.
export function withRenderContext<T>(context: RenderContext, run: () => T): T {
  return renderContext.run(context, run);
}

// Called by tagged-cache for every value a render reads, hit or miss.
export function noteRenderTags(tags: readonly string[]): void {
  const context = renderContext.getStore();
  if (context) for (const tag of tags) context.tags.add(tag);
}

function sizeOf(entry: CachedResponse): number {
  return entry.body.length + (entry.gzip?.length ?? 0);
}

function remove(key: string): void {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= sizeOf(entry);
  for (const tag of entry.tags) store.byTag.get(tag)?.delete(key);
}

export function getPage(key: string): CachedResponse | null {
  const entry = store.entries.get(key);
  if (!entry) {
    store.misses += 1;
    return null;
  }
  if (entry.expiresAt <= Date.now()) {
    remove(key);
    store.misses += 1;
    return null;
  }
  store.hits += 1;
  // Least recently used goes first: move this one to the end.
  store.entries.delete(key);
  store.entries.set(key, entry);
  return entry;
}

// Stores a rendered response unless something it read was invalidated while it rendered.
export function putPage(key: string, response: Omit<CachedResponse, "gzip" | "expiresAt" | "tags">, context: RenderContext, generation: number): boolean {
  if (context.tags.size === 0 || generation !== context.startedAt) return false;
  remove(key);
  const entry: CachedResponse = {
    ...response,
    gzip: response.body.length >= GZIP_MIN_BYTES ? gzipSync(response.body) : null,
    tags: [...context.tags],
    expiresAt: Date.now() + TTL_MS,
  };
  if (sizeOf(entry) > MAX_BYTES / 10) return false;
  store.entries.set(key, entry);
  store.bytes += sizeOf(entry);
  for (const tag of entry.tags) {
    if (!store.byTag.has(tag)) store.byTag.set(tag, new Set());
    store.byTag.get(tag)!.add(key);
  }
  while (store.entries.size > MAX_ENTRIES || store.bytes > MAX_BYTES) remove(store.entries.keys().next().value as string);
  return true;
}

export function dropPagesTagged(tags: Iterable<string>): number {
  let dropped = 0;
  for (const tag of tags) {
    for (const key of store.byTag.get(tag) ?? []) {
      remove(key);
      dropped += 1;
    }
    store.byTag.delete(tag);
  }
  return dropped;
}

export function clearPages(): void {
  store.entries.clear();
  store.byTag.clear();
  store.bytes = 0;
}

export function pageCacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return { entries: store.entries.size, bytes: store.bytes, hits: store.hits, misses: store.misses };
}
