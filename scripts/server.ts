// The production server (`npm start` runs it after migrating, seeding and building): Next.js
// behind a cache of whole public responses (lib/cache/page-cache.ts). A reader's page is rendered
// once by Next.js, then served from memory until the write path invalidates a tag it read. Staff
// screens, APIs, server actions, client-navigation (RSC) requests and search always go to Next.js.
import "./next-environment";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { clientAddress, parseTrustProxy } from "../lib/auth/client-address";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "../lib/security-headers";
import next from "next";
import { cacheGeneration, cacheStats, clearCache, invalidateTags } from "../lib/cache/tagged-cache";
import { getPage, pageCacheStats, putPage, withRenderContext, type CachedResponse, type RenderContext } from "../lib/cache/page-cache";
import { pageCacheKey, storableResponse } from "../lib/cache/page-request";
import { queryCount } from "../lib/query-count";
import { makeGraceful, releaseServerResources, shutdownTimeoutMs } from "./server-shutdown";
import { localServerUrl, startWireInboxProcess, type WireInboxProcess } from "./wire-inbox-process";
import { refuseRequest, type Refusal } from "./request-guard";
import { holdResponse, keepPrivate } from "./held-response";
import { gzipEtag, hasSessionCookie, httpCachePolicy, isNotModified, notModifiedHeaders, PRIVATE_CACHE_CONTROL, publicHeaders, strongEtag, withVary } from "../lib/cache/http-headers";
import { readBody, refuseNestedBody, replayRequest } from "./action-body";
import { endLiveStreams } from "../lib/live/open-streams";
import { trackPropagation } from "../lib/cache/propagate";
import { assertMediaConfig } from "../lib/media/file/storage-config";
import { observeRequest } from "../lib/observability/request";
import { answerOperational } from "../lib/observability/endpoints";
import { routeConsoleThroughLog } from "../lib/observability/log";
import { metrics } from "../lib/observability/metrics";

const httpPolicy = httpCachePolicy();

function answerRefusal(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", connection: "close", ...(refusal.allow ? { allow: refusal.allow } : {}) });
  res.end(refusal.message);
}

// A server action's body is read and its nesting checked before Next.js decodes it (action-body.ts):
// the request to hand on, or null when it was refused.
async function checkedAction(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  const body = await readBody(req);
  const refusal = refuseNestedBody(body, req.headers["content-type"]);
  if (!refusal) return replayRequest(req, body);
  answerRefusal(res, refusal);
  return null;
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
}

// The page itself as it goes out: public with its validators and purge keys (lib/cache/
// http-headers.ts), answered with 304 when the reader's copy is current, or private for a request
// carrying a session. A hit is sent as stored, with the policy (and nonce) it was rendered with.
type PageView = Pick<CachedResponse, "status" | "headers" | "body" | "gzip" | "etag" | "lastModified" | "tags">;

// A cached page's public headers (lifetimes, validators, its tags as Surrogate-Key and xkey: some
// kilobytes of header text) are the same for every hit, so they are worked out once per page and
// encoding rather than on every request (they were a tenth of a hit's CPU time in a profile).
const publicHeadersMemo = new WeakMap<PageView, Map<string, Record<string, string | string[]>>>();

function publicHeadersOf(page: PageView, etag: string): Record<string, string | string[]> {
  let byEtag = publicHeadersMemo.get(page);
  if (!byEtag) publicHeadersMemo.set(page, (byEtag = new Map()));
  let headers = byEtag.get(etag);
  if (!headers) byEtag.set(etag, (headers = publicHeaders({ etag, lastModified: page.lastModified, tags: page.tags }, httpPolicy)));
  return headers;
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: PageView, cache: "hit" | "miss"): void {
  const gzip = page.gzip && acceptsGzip(req) ? page.gzip : null;
  const body = gzip ?? page.body;
  const headers: Record<string, string | string[] | number> = { ...page.headers, "x-pressbox-cache": cache };
  if (page.gzip) headers.vary = withVary(headers.vary, "Accept-Encoding");
  if (gzip) headers["content-encoding"] = "gzip";
  if (hasSessionCookie(req.headers)) headers["cache-control"] = PRIVATE_CACHE_CONTROL;
  else {
    const etag = gzip ? gzipEtag(page.etag) : page.etag;
    Object.assign(headers, publicHeadersOf(page, etag));
    // Either encoding's validator will do: the reader's copy is this very page whichever way it
    // travelled (a miss goes out uncompressed, later hits gzipped), and the 304 names that copy.
    const matched = [etag, gzip ? page.etag : gzipEtag(page.etag)].find((candidate) => isNotModified(req.headers, candidate, page.lastModified));
    if (matched) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.writeHead(304, { ...notModifiedHeaders({ ...headers, etag: matched }), "x-pressbox-cache": cache });
      res.end();
      return;
    }
  }
  headers["content-length"] = body.length;
  res.writeHead(page.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function serveCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void {
  sendPage(req, res, entry, "hit");
}

// Lets Next.js render, holding the whole response back (scripts/held-response.ts): its cache tags
// are known only once the render is over, and they go out as headers. Then stores it if it is a
// plain 200 of a public page whose render read tagged data, and sends it public, with validators
// and those tags; any other answer goes out as Next.js made it.
function renderAndStore(req: IncomingMessage, res: ServerResponse, key: string, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<void> {
  // Stored uncompressed (compressed once at store time): Next.js must not gzip this one.
  delete req.headers["accept-encoding"];
  const context: RenderContext = { tags: new Set(), startedAt: cacheGeneration() };
  holdResponse(res, (body) => {
    const headers = storableResponse(req, res);
    if (!headers) return void res.end(body);
    const page: PageView = { status: 200, headers, body, gzip: null, etag: strongEtag(body), lastModified: Math.floor(Date.now() / 1000) * 1000, tags: [...context.tags] };
    putPage(key, page, context, cacheGeneration());
    // A render that read no tagged data could never be purged, and one that spanned an
    // invalidation may show what was just purged: this reader gets it, no cache keeps it.
    if (context.tags.size > 0 && context.startedAt === cacheGeneration()) return sendPage(req, res, page, "miss");
    res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
    res.end(body);
  });
  return withRenderContext(context, () => handle(req, res));
}

// A request that may write: its response ends only once the invalidations its writes made have
// reached the other instances and the HTTP cache (lib/cache/propagate.ts), so whoever published
// sees the new page everywhere as soon as the answer arrives.
function handleHoldingEnd(req: IncomingMessage, res: ServerResponse, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<void> {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let settled: () => Promise<void> = async () => {};
  res.end = ((...args: unknown[]) => {
    void settled().finally(() => end(...args));
    return res;
  }) as ServerResponse["end"];
  const tracked = trackPropagation(() => handle(req, res));
  settled = tracked.settled;
  return tracked.result;
}

// The wire inbox process beside this server (WIRE_INBOX_DIR), when there is one.
let wireInbox: WireInboxProcess | null = null;

// PRESSBOX_BENCH_HOOKS=1 (the benchmark only): GET /__pressbox/stats reports queries sent (with
// PRESSBOX_COUNT_QUERIES=1), cache counters, memory (`?gc=1`: after a full collection, when node
// runs with --expose-gc) and the wire inbox process's pid; POST /__pressbox/clear-cache drops the
// tags given as {"tags": [...]}, or both caches entirely, so the next request renders afresh.
function isBenchHook(req: IncomingMessage): boolean {
  return process.env.PRESSBOX_BENCH_HOOKS === "1" && Boolean(req.url?.startsWith("/__pressbox/"));
}

async function benchHook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === "/__pressbox/clear-cache" && req.method === "POST") {
    let body = "";
    for await (const chunk of req) body += chunk;
    const tags = (JSON.parse(body || "{}") as { tags?: string[] }).tags;
    if (tags) invalidateTags(tags);
    else clearCache();
  } else if (req.url === "/__pressbox/stats?gc=1") {
    // A full collection first, when the benchmark started the server with --expose-gc, so a
    // memory comparison is not a comparison of garbage.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
  } else if (req.url !== "/__pressbox/stats") {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ queries: queryCount(), pageCache: pageCacheStats(), dataCache: cacheStats(), memory: process.memoryUsage(), wireInboxPid: wireInbox?.pid() ?? null }));
}

// A fresh nonce for a response Next.js renders: on the request for Next.js, on the response for
// the browser (lib/security-headers.ts explains how this works with the page cache).
function withNonce(req: IncomingMessage, res: ServerResponse): void {
  const policy = contentSecurityPolicy(newNonce());
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}

// tsx turns Node's source maps on for the whole process, so every Next.js server chunk loaded
// after it brought its .map file (45 MB for this build) into the heap and kept it there: measured
// after warming 310 pages, 156 MB of heap in use after a full collection with them, 88 MB without,
// and 120 MB less RSS. A production server has no use for them (the chunks are minified and Next.js
// does not map its server errors unless asked); whoever wants them starts node with
// --enable-source-maps, which this leaves alone.
function dropSourceMaps(): void {
  if (!process.execArgv.includes("--enable-source-maps") && !process.env.NODE_OPTIONS?.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
}

export async function startServer(options: { port: number; hostname: string }): Promise<void> {
  dropSourceMaps();
  // A mistaken media setting stops the start with a message naming the variable.
  assertMediaConfig();
  // Next.js's, the scheduler's and this server's console lines in LOG_FORMAT, with request ids.
  routeConsoleThroughLog();
  metrics();
  const app = next({ dev: false, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  const fixedHeaders = staticSecurityHeaders(process.env.SITE_URL ?? process.env.NEXTAUTH_URL);
  const server = createServer((req, res) => {
    // Request id, access log line, request metrics (lib/observability/request.ts).
    observeRequest(req, res, trust);
    // From here on X-Forwarded-For holds exactly one address, decided by TRUST_PROXY: the one
    // lib/auth/request-ip.ts reads for throttling and the audit log.
    req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
    delete req.headers["x-real-ip"];
    graceful.track(req, res);
    const refusal = refuseRequest(req);
    if (refusal) return answerRefusal(res, refusal);
    // /healthz, /metrics, and /readyz once shutting down, before Next.js (lib/observability/endpoints.ts).
    if (answerOperational(req, res)) return;
    const key = pageCacheKey(req);
    if (hasSessionCookie(req.headers)) keepPrivate(res);
    for (const [name, value] of Object.entries(fixedHeaders)) res.setHeader(name, value);
    const run = async () => {
      if (isBenchHook(req)) return benchHook(req, res);
      if (!key) {
        const request = req.method === "POST" && req.headers["next-action"] !== undefined ? await checkedAction(req, res) : req;
        if (!request) return;
        withNonce(request, res);
        return handleHoldingEnd(request, res, handle);
      }
      const entry = getPage(key);
      // A cached page is served with the policy (and nonce) it was rendered with.
      if (entry) return serveCached(req, res, entry);
      withNonce(req, res);
      res.setHeader("x-pressbox-cache", "miss");
      return renderAndStore(req, res, key, handle);
    };
    run().catch((error) => {
      console.error("Pressbox: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side.");
    });
  });
  const graceful = makeGraceful(server, releaseServerResources);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  console.log(`Pressbox: serving on http://${options.hostname === "0.0.0.0" ? "localhost" : options.hostname}:${options.port}`);
  // Wire imports run in their own process, so they never hold up this one's event loop.
  wireInbox = startWireInboxProcess(process.env, localServerUrl(options.hostname, options.port));
  // The inbox process is told to stop at once, so it finishes its file while requests drain.
  // Live event streams never finish by themselves: they are ended first (readers reconnect).
  const stop = (signal: NodeJS.Signals) => {
    endLiveStreams();
    void Promise.all([graceful.shutdown(signal), wireInbox?.stop(shutdownTimeoutMs())]).finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Run directly (tests, the benchmark): PORT and BIND_ADDRESS from the environment, and a database
// that is already migrated and a build that is already made (`npm start` sees to both).
if (process.argv[1] && /scripts[\\/]server\.ts$/.test(process.argv[1])) {
  startServer({ port: Number(process.env.PORT ?? 3000), hostname: process.env.BIND_ADDRESS ?? "0.0.0.0" }).catch((error) => {
    console.error(`Pressbox could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
