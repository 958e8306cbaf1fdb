// Which requests the production server (scripts/server.ts) may answer from the page cache, and
// which responses it may keep there. Only anonymous-identical public reads qualify: staff screens,
// APIs, server actions, client-navigation (RSC) requests, previews, media files and search never do.
import type { IncomingMessage, ServerResponse } from "node:http";
import { hasSessionCookie } from "./http-headers";

// Whole path segments: "/search" is never cached, a section called "/searchlight" may be.
const UNCACHED_SEGMENTS = ["newsroom", "api", "readyz", "_next", "media", "preview", "sign-in", "sign-out", "search", "__pressbox"];
const STORABLE_TYPES = /^(text\/html|application\/(rss\+)?xml|text\/xml|text\/plain)/;
// A live story's stream and its changes cursor (/<section>/<slug>/events|changes): a stream would
// be copied into memory for as long as it runs, and a changes answer depends on its cursor.
const LIVE_ENDPOINT = /^\/[^/?#]+\/[^/?#]+\/(events|changes)(?:[?#]|$)/;
// A subscriber's own pages (signed links: confirm, preferences, unsubscribe) and the answer to a
// sign-up are never the same for two readers.
const NEWSLETTER_PRIVATE = /^\/newsletter\/(confirm|preferences|unsubscribe|thanks)(?:[/?#]|$)/;
// Next.js streams page metadata differently to these crawlers, so they get their own entries.
export const BOT_AGENTS = /bot|crawler|spider|slurp|facebookexternalhit|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator/i;
// Response headers that describe one response, not the page (X-Request-Id: lib/observability/request.ts).
const NOT_STORED = new Set(["date", "x-request-id", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "set-cookie"]);

type RequestLike = Pick<IncomingMessage, "method" | "url" | "headers">;

// The cache key of a request that may be served from (and stored in) the page cache, else null.
export function pageCacheKey(req: RequestLike): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (!url.startsWith("/") || url.startsWith("//")) return null;
  const firstSegment = url.slice(1).split(/[/?#]/, 1)[0];
  if (UNCACHED_SEGMENTS.includes(firstSegment) || LIVE_ENDPOINT.test(url) || NEWSLETTER_PRIVATE.test(url)) return null;
  const h = req.headers;
  if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"] || h.range || h.authorization) return null;
  if (url.includes("_rsc=") || String(h.accept ?? "").includes("text/x-component")) return null;
  return `${BOT_AGENTS.test(String(h["user-agent"] ?? "")) ? "bot" : "std"} ${keyedAddress(url)}`;
}

// The address without the query parameters its page does not read, so `?ref=…` or `?utm_…` do
// not each make a new entry. Listings (a section, /tag/x, /author/x, /teams/x, /athletes/x) read
// `page`, a competition (/competitions/x) reads `season`; the front page, stories, matches, feeds
// and sitemaps read none.
const PAGED_LISTINGS = ["tag", "author", "teams", "athletes"];

function readParams(segments: string[]): string[] {
  // /newsletter shows a refused no-JavaScript sign-up's problem (error) beside its list (n).
  if (segments.length === 1 && segments[0] === "newsletter") return ["error", "n"];
  if (segments.length === 1 && !segments[0].includes(".")) return ["page"];
  if (segments.length === 2 && PAGED_LISTINGS.includes(segments[0])) return ["page"];
  if (segments.length === 2 && segments[0] === "competitions") return ["season"];
  return [];
}

function keyedAddress(url: string): string {
  const [pathname, query = ""] = url.split(/\?(.*)/s, 2);
  const names = readParams(pathname.split("/").filter(Boolean));
  if (names.length === 0 || query === "") return pathname;
  const kept = [...new URLSearchParams(query)].filter(([name]) => names.includes(name));
  return kept.length === 0 ? pathname : `${pathname}?${kept.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")}`;
}

// The headers to keep with a finished response, or null when it must not be cached: only a plain
// 200 answer to a GET, of a page or feed type, uncompressed, setting no cookie, and rendered for a
// request without a session cookie. Reader pages do not read the session today, so a signed-in
// editor may be served a cached page; but what was rendered with a session present is never kept,
// here or (marked public) in an HTTP cache, so a page that one day shows staff something cannot
// leak it.
export function storableResponse(req: RequestLike, res: Pick<ServerResponse, "statusCode" | "getHeaders">): Record<string, string | string[]> | null {
  if (req.method !== "GET" || res.statusCode !== 200 || hasSessionCookie(req.headers)) return null;
  const all = res.getHeaders();
  if (all["set-cookie"] !== undefined || all["content-encoding"] !== undefined) return null;
  if (!STORABLE_TYPES.test(String(all["content-type"] ?? ""))) return null;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(all)) {
    if (value !== undefined && !NOT_STORED.has(name)) headers[name] = Array.isArray(value) ? value : String(value);
  }
  return headers;
}
