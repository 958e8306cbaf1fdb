// Every request the production server answers (scripts/server.ts): a request id (echoed as
// X-Request-Id and on every log line written while handling it), one access log line once the
// response is done, and the request metrics by route kind and status class.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { isTrustedPeer, type ProxyTrust } from "../auth/client-address";
import { enterRequestContext, log } from "./log";
import { recordRequest } from "./metrics";
import { finalRouteKind, pathOf, routeKind, statusClass } from "./route-kind";

// What a proxy's request id may look like: a UUID, a hex trace id, a short token. Anything else
// (long, or with spaces or control characters that could forge log lines) is replaced.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

// What is read of a request to decide whom it came from: its headers and the socket's address.
export type PeerRequest = { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } };

// An incoming X-Request-Id is kept only from a proxy TRUST_PROXY trusts (so one request keeps one
// id through the proxy's logs and ours); from anyone else a client could choose the id its
// requests are logged under.
export function requestIdFor(req: PeerRequest, trust: ProxyTrust): string {
  const incoming = req.headers["x-request-id"];
  if (typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) && isTrustedPeer(req.socket.remoteAddress, trust)) return incoming;
  return randomUUID();
}

export function observeRequest(req: IncomingMessage, res: ServerResponse, trust: ProxyTrust): { requestId: string } {
  const started = process.hrtime.bigint();
  const requestId = requestIdFor(req, trust);
  enterRequestContext(requestId);
  res.setHeader("X-Request-Id", requestId);
  const kind = routeKind(req);
  const method = req.method ?? "?";
  const path = pathOf(req.url);
  res.once("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Readable here even when the page cache set it through writeHead: the X-Request-Id set above
    // makes Node keep every header of the response.
    const cacheHeader = res.getHeader("x-pressbox-cache");
    const cache = typeof cacheHeader === "string" ? cacheHeader : undefined;
    const finalKind = finalRouteKind(kind, cache);
    // A response cut off before it was complete counts as what was sent (or 499, nginx's "client
    // closed the request", when nothing was).
    const status = res.headersSent ? res.statusCode : 499;
    recordRequest(finalKind, statusClass(status), ms / 1000);
    const line = { requestId, method, path, status, ms: Math.round(ms * 10) / 10, kind: finalKind, cache, ...(res.writableFinished ? {} : { aborted: true }) };
    // Probes every few seconds would bury everything else. Page-cache hits are most requests of a
    // busy site and cost the least; a line for each took a quarter of the hit rate in the benchmark
    // (wrk on a cached article: 6.5k against 8.3k requests/s without), so they are counted in
    // /metrics (kind "page-cache-hit") and logged at debug level, like the probes.
    if (kind === "operations" || (finalKind === "page-cache-hit" && status < 400)) log.debug(`${method} ${path} ${status}`, line);
    else log.info(`${method} ${path} ${status}`, line);
  });
  return { requestId };
}
