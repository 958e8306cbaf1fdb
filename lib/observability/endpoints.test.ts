// The operational endpoints and the request observation on a real HTTP server, wired as
// scripts/server.ts wires them (observeRequest, then answerOperational, then the app).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../auth/client-address";
import { answerOperational, metricsRefusal } from "./endpoints";
import { requestIdFor, observeRequest } from "./request";
import { noteSchedulerRun } from "./scheduler-runs";
import { markShuttingDown } from "./shutdown-state";

let server: Server;
const globalForDb = globalThis as typeof globalThis & { pressboxDb?: unknown };
let databaseClient: unknown;
let base: string;

beforeAll(async () => {
  // Counts from zero, as a fresh server does: the unit files share one worker (vitest.config.mts),
  // and others observe requests too.
  delete globalThis.pressboxMetrics;
  // And with no database client in the process, as the test below says: another unit file may
  // have imported lib/db (which keeps its client on globalThis) before this one.
  databaseClient = globalForDb.pressboxDb;
  delete globalForDb.pressboxDb;
  server = createServer((req, res) => {
    observeRequest(req, res, null);
    if (answerOperational(req, res)) return;
    res.writeHead(200, { "content-type": "text/html", "x-pressbox-cache": req.url === "/cached" ? "hit" : "miss" });
    res.end("<p>page</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (databaseClient) globalForDb.pressboxDb = databaseClient;
});

// What metricsRefusal and requestIdFor read of a request: its headers and its socket's address.
const peer = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } });

describe("/healthz", () => {
  it("answers 200 with a tiny JSON body, never cached, with a request id", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "alive" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses other methods with 405", async () => {
    const response = await fetch(`${base}/healthz`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("/metrics", () => {
  it("counts requests by route kind and status class, and shows caches, scheduler runs and process metrics", async () => {
    await fetch(`${base}/olympics/a-story`);
    await fetch(`${base}/cached`);
    noteSchedulerRun("skipped", 0.002);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toMatch(/^pressbox_http_requests_total\{kind="page-render",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^pressbox_http_requests_total\{kind="page-cache-hit",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^pressbox_http_request_duration_seconds_bucket\{le="\+Inf",kind="page-render",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^pressbox_cache_entries\{cache="page"\} \d+$/m);
    expect(text).toMatch(/^pressbox_cache_hits_total\{cache="data"\} \d+$/m);
    expect(text).toMatch(/^pressbox_page_cache_bytes \d+$/m);
    expect(text).toMatch(/^pressbox_scheduler_runs_total\{outcome="skipped"\} 1$/m);
    expect(text).toMatch(/^pressbox_scheduler_runs_total\{outcome="failed"\} 0$/m);
    expect(text).toMatch(/^pressbox_queue_depth\{queue="live_streams_open"\} 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    // No database client in this process: the story counts are left out, not made up.
    expect(text).not.toMatch(/^pressbox_queue_depth\{queue="stories_due"\}/m);
  });

  it("without METRICS_TOKEN answers loopback only, whatever X-Forwarded-For claims", () => {
    expect(metricsRefusal(peer("127.0.0.1"), undefined)).toBeNull();
    expect(metricsRefusal(peer("::1"), undefined)).toBeNull();
    expect(metricsRefusal(peer("::ffff:127.0.0.1"), undefined)).toBeNull();
    expect(metricsRefusal(peer("10.0.0.5", { "x-forwarded-for": "127.0.0.1" }), undefined)?.status).toBe(403);
  });

  it("with METRICS_TOKEN wants the bearer token, from anywhere including loopback", () => {
    expect(metricsRefusal(peer("10.0.0.5", { authorization: "Bearer s3cret" }), "s3cret")).toBeNull();
    expect(metricsRefusal(peer("127.0.0.1"), "s3cret")?.status).toBe(401);
    expect(metricsRefusal(peer("10.0.0.5", { authorization: "Bearer s3cret-not" }), "s3cret")?.status).toBe(401);
    expect(metricsRefusal(peer("10.0.0.5", { authorization: "Basic s3cret" }), "s3cret")?.status).toBe(401);
  });
});

describe("request ids", () => {
  it("keep a sane incoming X-Request-Id only from a peer TRUST_PROXY trusts", () => {
    const fromProxy = peer("10.0.0.2", { "x-request-id": "lb-7f3a" });
    expect(requestIdFor(fromProxy, parseTrustProxy("10.0.0.2"))).toBe("lb-7f3a");
    expect(requestIdFor(fromProxy, parseTrustProxy("1"))).toBe("lb-7f3a");
    expect(requestIdFor(fromProxy, null)).not.toBe("lb-7f3a");
    expect(requestIdFor(fromProxy, parseTrustProxy("10.0.0.9"))).not.toBe("lb-7f3a");
    expect(requestIdFor(peer("10.0.0.2", { "x-request-id": 'x" forged\nline' }), parseTrustProxy("1"))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(peer("10.0.0.2", { "x-request-id": "a".repeat(129) }), parseTrustProxy("1"))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("are generated when none is trusted, and echoed", async () => {
    const response = await fetch(`${base}/olympics`, { headers: { "x-request-id": "chosen-by-client" } });
    expect(response.headers.get("x-request-id")).not.toBe("chosen-by-client");
  });
});

describe("/readyz", () => {
  it("goes to Next.js normally, and answers 503 'shutting down' once the server is shutting down", async () => {
    expect(await (await fetch(`${base}/readyz`)).text()).toBe("<p>page</p>");
    markShuttingDown();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", message: "shutting down" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    globalThis.pressboxShuttingDown = false;
  });
});
