// What kind of work a request was, for the request metrics and the access log: a few fixed kinds
// (never the path itself, which would give the metrics one series per story).
import type { IncomingHttpHeaders } from "node:http";

export const ROUTE_KINDS = ["page-cache-hit", "page-render", "newsroom", "api", "server-action", "media", "live-stream", "operations", "other"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

type RequestLike = { method?: string; url?: string; headers: IncomingHttpHeaders };

// A live story's event stream and its changes cursor (/<section>/<slug>/events|changes).
const LIVE_ENDPOINT = /^\/[^/]+\/[^/]+\/(events|changes)$/;
const OPERATIONS = new Set(["/healthz", "/readyz", "/metrics"]);
// Files Next.js and the app serve as they are: not a render.
const ASSET = /^\/(_next\/|favicon\.ico$|icon\.svg$|robots\.txt$)/;

export function pathOf(url: string | undefined): string {
  return (url ?? "/").split(/[?#]/, 1)[0] || "/";
}

// Decided before the request is handled (Next.js may rewrite req.url); whether a page came from
// the page cache is known only from the response (see finalRouteKind).
export function routeKind(req: RequestLike): RouteKind {
  const path = pathOf(req.url);
  if (req.method === "POST" && req.headers["next-action"] !== undefined) return "server-action";
  if (OPERATIONS.has(path)) return "operations";
  const first = path.split("/")[1] ?? "";
  if (first === "api") return "api";
  if (first === "newsroom") return "newsroom";
  if (first === "media") return "media";
  if (LIVE_ENDPOINT.test(path)) return "live-stream";
  if (ASSET.test(path) || first === "__pressbox") return "other";
  if (req.method === "GET" || req.method === "HEAD") return "page-render";
  return "other";
}

export function finalRouteKind(kind: RouteKind, cache: string | undefined): RouteKind {
  return kind === "page-render" && cache === "hit" ? "page-cache-hit" : kind;
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
