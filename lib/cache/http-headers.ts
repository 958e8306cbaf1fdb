// What the production server (scripts/server.ts) tells browsers and the HTTP cache in front of it
// (Varnish, Fastly, Cloudflare) about a public page or feed: how long each may keep it, the
// validators that let them ask again cheaply (a strong ETag and Last-Modified, answered with 304),
// and the cache tags its render read, as Surrogate-Key / xkey (and Cache-Tag for Cloudflare), so
// the write path can purge exactly the pages that showed what changed (lib/cache/purge/).
//
// Only what pageCacheKey and storableResponse accept (lib/cache/page-request.ts) is ever public,
// and never an answer to a request carrying a session cookie: staff see the same public pages, but
// whatever was rendered while a session rode along must not be kept where anyone else can get it.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

// Put on every public response, so purging it drops everything Pressbox ever sent ({all: true}).
export const SITE_TAG = "pressbox-site";

export const PRIVATE_CACHE_CONTROL = "private, no-store";

// next-auth (v4) session cookies: plain, `__Secure-` on https, and `.0`, `.1`… when chunked.
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

export function hasSessionCookie(headers: Pick<IncomingHttpHeaders, "cookie">): boolean {
  return SESSION_COOKIE.test(String(headers.cookie ?? ""));
}

// Any answer to a request carrying a session: private and never stored, keeping only no-transform
// (which a live stream asks for) from what the route said.
export function privateCacheControl(routeValue: string | string[] | number | undefined): string {
  return /\bno-transform\b/i.test(String(routeValue ?? "")) ? `${PRIVATE_CACHE_CONTROL}, no-transform` : PRIVATE_CACHE_CONTROL;
}

export type HttpCachePolicy = { maxAge: number; sharedMaxAge: number; staleWhileRevalidate: number; cloudflareTags: boolean };

function seconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

// Browsers cannot be purged, so they keep a page briefly (HTTP_MAX_AGE_SECONDS, 60). A shared cache
// that Pressbox purges on every write can keep it for a day (HTTP_SHARED_MAX_AGE_SECONDS): it
// never serves a page longer than the content stays unchanged. Without a purge target (no
// HTTP_CACHE_PURGE) nothing would ever tell that cache, so it gets the browsers' short lifetime:
// a publish then shows everywhere within a minute. stale-while-revalidate (60) lets either serve
// an expired copy once while it fetches the new one; a purge removes the copy outright.
export function httpCachePolicy(env: Record<string, string | undefined> = process.env): HttpCachePolicy {
  const purges = ["varnish", "fastly", "cloudflare"].includes(env.HTTP_CACHE_PURGE ?? "");
  const maxAge = seconds(env.HTTP_MAX_AGE_SECONDS, 60);
  return {
    maxAge,
    sharedMaxAge: seconds(env.HTTP_SHARED_MAX_AGE_SECONDS, purges ? 86_400 : maxAge),
    staleWhileRevalidate: seconds(env.HTTP_STALE_WHILE_REVALIDATE_SECONDS, 60),
    cloudflareTags: env.HTTP_CACHE_PURGE === "cloudflare",
  };
}

export function publicCacheControl(policy: HttpCachePolicy): string {
  return `public, max-age=${policy.maxAge}, s-maxage=${policy.sharedMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

// A strong validator: the same bytes, the same tag. Each render carries a fresh CSP nonce, so two
// instances (or two renders) of one page have different ETags; a conditional request that reaches
// another instance just gets the full page again.
export function strongEtag(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

// The gzip copy of a stored page is another representation, so it has its own strong tag.
export function gzipEtag(etag: string): string {
  return `${etag.slice(0, -1)}-gz"`;
}

// Tags as header tokens: printable ASCII without spaces or commas (the separators of xkey,
// Surrogate-Key and Cache-Tag). Pressbox's tags are all like that (lib/cache/tags.ts); anything
// else is left out rather than breaking the header (and is never purged either).
export function headerSafeTags(tags: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const tag of tags) if (/^[\x21-\x7e]+$/.test(tag) && !tag.includes(",")) kept.add(tag);
  return [...kept];
}

// A response's purge keys: the tags its render read, and the site-wide one.
export function surrogateKeys(tags: Iterable<string>): string[] {
  return headerSafeTags([...tags, SITE_TAG]);
}

// Varnish refuses a backend response with a header line longer than http_resp_hdr_len (8 KB by
// default); xkey reads several xkey lines, so long lists are split.
const XKEY_LINE_BYTES = 4000;

function xkeyLines(keys: string[]): string[] {
  const lines: string[] = [];
  let line = "";
  for (const key of keys) {
    if (line && line.length + 1 + key.length > XKEY_LINE_BYTES) {
      lines.push(line);
      line = "";
    }
    line = line ? `${line} ${key}` : key;
  }
  if (line) lines.push(line);
  return lines;
}

export type Representation = { etag: string; lastModified: number; tags: Iterable<string> };

// The headers that make a response public: lifetimes, validators and purge keys.
export function publicHeaders(representation: Representation, policy: HttpCachePolicy): Record<string, string | string[]> {
  const keys = surrogateKeys(representation.tags);
  const headers: Record<string, string | string[]> = {
    "cache-control": publicCacheControl(policy),
    etag: representation.etag,
    "last-modified": new Date(representation.lastModified).toUTCString(),
    "surrogate-key": keys.join(" "),
    xkey: xkeyLines(keys),
  };
  if (policy.cloudflareTags) headers["cache-tag"] = keys.join(",");
  return headers;
}

// RFC 9110 13.1.2 and 13.1.3: If-None-Match (weak comparison, `*` matches any) decides when
// present; otherwise If-Modified-Since, against Last-Modified to the second.
export function isNotModified(headers: IncomingHttpHeaders, etag: string, lastModified: number): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(String(headers["if-modified-since"] ?? ""));
  return Number.isFinite(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}

// A 304 carries what a cache needs to refresh its copy (RFC 9110 15.4.5), and not the
// Content-Security-Policy: the cached body keeps the nonce it came with, and a browser that took
// a new policy from a 304 would refuse that body's own scripts.
const NOT_MODIFIED_HEADERS = ["cache-control", "etag", "last-modified", "vary", "expires", "content-location", "surrogate-key", "xkey", "cache-tag"];

export function notModifiedHeaders(headers: Record<string, string | string[] | number>): Record<string, string | string[] | number> {
  const kept: Record<string, string | string[] | number> = {};
  for (const name of NOT_MODIFIED_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  return kept;
}

// Adds a name to a Vary value (Next.js varies pages on its client-navigation headers).
export function withVary(existing: string | string[] | number | undefined, name: string): string {
  const names = String(existing ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!names.some((part) => part.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(", ");
}
