// The operational endpoints the production server answers itself, before Next.js:
// - /healthz: the process is alive and its event loop turns (no database: a database outage must
//   not get every instance restarted);
// - /metrics: Prometheus text. With METRICS_TOKEN set, only with `Authorization: Bearer <token>`;
//   without it, only to clients on this machine (the socket's address: X-Forwarded-For is
//   whatever a client chose to send);
// - /readyz while shutting down: 503 at once, so load balancers stop sending (the readiness checks
//   themselves are app/readyz and lib/readiness.ts).
// Never cached.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PeerRequest } from "./request";
import { log } from "./log";
import { metrics } from "./metrics";
import { pathOf } from "./route-kind";
import { isShuttingDown } from "./shutdown-state";

const NO_STORE = { "cache-control": "no-store" };

function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...NO_STORE, ...headers });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

function isLoopback(address: string | undefined): boolean {
  const plain = (address ?? "").toLowerCase().replace(/^::ffff:(?=\d+\.)/, "");
  return plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Who may read /metrics: null when allowed, else the refusal to send.
export function metricsRefusal(req: PeerRequest, token: string | undefined = process.env.METRICS_TOKEN): { status: number; message: string } | null {
  const expected = token?.trim();
  if (expected) {
    const given = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1]?.trim() ?? "";
    return sameSecret(given, expected) ? null : { status: 401, message: "/metrics needs Authorization: Bearer <METRICS_TOKEN>." };
  }
  return isLoopback(req.socket.remoteAddress) ? null : { status: 403, message: "/metrics answers only this machine; set METRICS_TOKEN to scrape it from elsewhere." };
}

async function answerMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refusal = metricsRefusal(req);
  if (refusal) {
    answerJson(res, refusal.status, { error: refusal.message }, refusal.status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {});
    return;
  }
  const { registry } = metrics();
  const text = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "content-length": Buffer.byteLength(text), ...NO_STORE });
  res.end(req.method === "HEAD" ? undefined : text);
}

// True when the request was one of these (and is answered, or being answered).
export function answerOperational(req: IncomingMessage, res: ServerResponse): boolean {
  const path = pathOf(req.url);
  if (path !== "/healthz" && path !== "/metrics" && !(path === "/readyz" && isShuttingDown())) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    answerJson(res, 405, { error: `${path} answers GET and HEAD.` }, { allow: "GET, HEAD" });
    return true;
  }
  if (path === "/healthz") answerJson(res, 200, { status: "alive" });
  else if (path === "/readyz") answerJson(res, 503, { status: "unavailable", message: "shutting down" });
  else
    answerMetrics(req, res).catch((error) => {
      log.error("/metrics could not be collected", { error });
      if (!res.headersSent) answerJson(res, 500, { error: "The metrics could not be collected." });
      else res.end();
    });
  return true;
}
