// How long the in-process caches (tagged-cache's data, page-cache's whole pages) keep an entry.
// Normally PAGE_CACHE_TTL_SECONDS, which bounds staleness from writes made by another process
// that could not tell this one. While this instance has lost Redis (REDIS_URL set), it may miss
// another instance's invalidations, so entries live REDIS_FALLBACK_TTL_SECONDS only (default 5)
// until the link is back (lib/cluster/peers.ts switches). Kept on globalThis: Next.js bundles
// load this module more than once in one process.
const DEFAULT_TTL_SECONDS = 300;
const DEFAULT_FALLBACK_TTL_SECONDS = 5;

function seconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value ?? fallback);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

declare global {
  var pressboxCacheTtl: { isFallback: boolean } | undefined;
}
const state = (globalThis.pressboxCacheTtl ??= { isFallback: false });

export function fallbackTtlSeconds(env: Record<string, string | undefined> = process.env): number {
  return seconds(env.REDIS_FALLBACK_TTL_SECONDS, DEFAULT_FALLBACK_TTL_SECONDS);
}

// The time an entry stored now may be served.
export function cacheTtlMs(): number {
  return (state.isFallback ? fallbackTtlSeconds() : seconds(process.env.PAGE_CACHE_TTL_SECONDS, DEFAULT_TTL_SECONDS)) * 1000;
}

export function setFallbackTtl(isFallback: boolean): void {
  state.isFallback = isFallback;
}

export function isFallbackTtl(): boolean {
  return state.isFallback;
}
