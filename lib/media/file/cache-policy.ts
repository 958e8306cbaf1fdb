// How long browsers and CDNs keep a rendition before revalidating it: MEDIA_CACHE_SECONDS (default
// 10 minutes), which bounds how long a withdrawn or deleted picture stays visible. One policy for
// Pressbox's /media/ route and for the objects a public bucket serves (S3MediaStorage.put).
const DEFAULT_CACHE_SECONDS = 600;

export function mediaCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  return Math.max(0, Number(env.MEDIA_CACHE_SECONDS ?? DEFAULT_CACHE_SECONDS)) || DEFAULT_CACHE_SECONDS;
}

export function publicRenditionCacheControl(env: Record<string, string | undefined> = process.env): string {
  return `public, max-age=${mediaCacheSeconds(env)}, must-revalidate`;
}
