// An in-process cache of whole public responses (HTML pages, feeds, sitemaps) in front of the
// Next.js handler (scripts/server.ts). A hit is one Map lookup and one socket write, no React
// render. Entries carry the data-cache tags their render read (collected by tagged-cache's
// `cached()` through an AsyncLocalStorage), so the write path's `invalidateTags` drops exactly
// the pages that showed what changed, in the same call that drops the data. Kept on globalThis:
// the server script and the Next.js bundles load this module separately in one process.
import { AsyncLocalStorage } from "node:async_hooks";
import { gzipSync } from "node:zlib";
import { indexBytes, TaggedLru } from "./tagged-lru";
import { headerBytes, retainedBytes } from "./byte-size";
import { strongEtag } from "./http-headers";
import { cacheTtlMs } from "./ttl";

export type CachedResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer | null;
  tags: string[];
  expiresAt: number;
  // The validators sent with it (lib/cache/http-headers.ts): a hash of `body`, and when it was
  // rendered (ms, whole seconds).
  etag: string;
  lastModified: number;
};

export type RenderContext = { tags: Set<string>; startedAt: number };

const MAX_BYTES = Number(process.env.PAGE_CACHE_MAX_MB ?? 256) * 1024 * 1024;
// Smaller bodies are not worth compressing.
const GZIP_MIN_BYTES = 1024;

// What an entry keeps in memory, so that PAGE_CACHE_MAX_MB bounds what the cache really holds:
// its bytes and their gzip copy (each with the buffer memory it keeps alive), its headers, and its
// key and tags in the cache's index.
function sizeOf(entry: CachedResponse, key = ""): number {
  return retainedBytes(entry.body) + (entry.gzip ? retainedBytes(entry.gzip) : 0) + headerBytes(entry.headers) + indexBytes(key, entry.tags);
}

declare global {
  var pressboxPageCache: TaggedLru<CachedResponse> | undefined;
  var pressboxRenderContext: AsyncLocalStorage<RenderContext> | undefined;
}
const pages = (globalThis.pressboxPageCache ??= new TaggedLru<CachedResponse>({ maxEntries: Number(process.env.PAGE_CACHE_MAX_ENTRIES ?? 5000), maxBytes: MAX_BYTES, sizeOf }));
const renderContext = (globalThis.pressboxRenderContext ??= new AsyncLocalStorage<RenderContext>());

// Runs one request's render with a context that collects the cache tags of the data it reads.
export function withRenderContext<T>(context: RenderContext, run: () => T): T {
  return renderContext.run(context, run);
}

// Called by tagged-cache for every value a render reads, hit or miss.
export function noteRenderTags(tags: readonly string[]): void {
  const context = renderContext.getStore();
  if (context) for (const tag of tags) context.tags.add(tag);
}

export function getPage(key: string): CachedResponse | null {
  return pages.get(key);
}

// Stores a rendered response unless something it read was invalidated while it rendered.
export function putPage(
  key: string,
  response: Omit<CachedResponse, "gzip" | "expiresAt" | "tags" | "etag" | "lastModified"> & Partial<Pick<CachedResponse, "etag" | "lastModified">>,
  context: RenderContext,
  generation: number,
): boolean {
  if (context.tags.size === 0 || generation !== context.startedAt) return false;
  const entry: CachedResponse = {
    ...response,
    etag: response.etag ?? strongEtag(response.body),
    lastModified: response.lastModified ?? Math.floor(Date.now() / 1000) * 1000,
    gzip: response.body.length >= GZIP_MIN_BYTES ? gzipSync(response.body) : null,
    tags: [...context.tags],
    expiresAt: Date.now() + cacheTtlMs(),
  };
  if (sizeOf(entry, key) > MAX_BYTES / 10) {
    pages.delete(key);
    return false;
  }
  pages.set(key, entry);
  return true;
}

export function dropPagesTagged(tags: Iterable<string>): number {
  return pages.dropTagged(tags);
}

export function clearPages(): void {
  pages.clear();
}

export function pageCacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return pages.stats();
}
