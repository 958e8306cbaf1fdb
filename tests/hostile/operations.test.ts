// The production server's operational surface, on the real server (scripts/server.ts) and app:
// /healthz answers without Next.js, /metrics counts what was served (a page-cache hit apart from
// a render) and reads queue depths through the app's database client, every response carries its
// own request id, and the log is JSON lines (the production default) with one access line per
// request naming that id (page-cache hits only at debug level); SIGTERM ends with the shutdown lines in the same format.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProcessAlive } from "../../scripts/process-group";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";

const LOG = path.join("test-results", "hostile", "operations-server.log");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createSqliteDatabase("operations");
  server = await startAppServer({ DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, LOG_FORMAT: "", METRICS_TOKEN: "" }, LOG);
});

afterAll(async () => {
  await server?.stop();
  if (database) removeDir(database.dir);
});

type LogLine = { time: string; level: string; msg: string; requestId?: string; [field: string]: unknown };

function logLines(): { json: LogLine[]; other: string[] } {
  const json: LogLine[] = [];
  const other: string[] = [];
  for (const line of readFileSync(LOG, "utf8").split("\n").filter(Boolean)) {
    try {
      json.push(JSON.parse(line) as LogLine);
    } catch {
      other.push(line);
    }
  }
  return { json, other };
}

describe("operations", () => {
  it("/healthz answers 200 with a tiny JSON body, never cached", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "alive" });
  });

  it("gives every response its own request id, a cached page included, and ignores one a client chose", async () => {
    // The feed: the front page was already rendered once by the startup check.
    const first = await fetch(`${server.baseUrl}/feed.xml`, { headers: { "x-request-id": "client-chosen" } });
    const second = await fetch(`${server.baseUrl}/feed.xml`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers.get("x-pressbox-cache"), second.headers.get("x-pressbox-cache")]).toEqual(["miss", "hit"]);
    const ids = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);

    // The access lines, JSON by default in production: one per request, except page-cache hits,
    // which are counted in /metrics and logged only at LOG_LEVEL=debug.
    // The line reaches the log file after the answer: wait for it (a fixed 200 ms was not always
    // enough on a loaded machine), then look for the hit's.
    const accessLine = (id: string | null) => logLines().json.find((line) => line.path === "/feed.xml" && line.requestId === id);
    await expect.poll(() => accessLine(ids[0]), { timeout: 15_000 }).toMatchObject({ level: "info", method: "GET", status: 200, kind: "page-render", cache: "miss" });
    expect(accessLine(ids[1])).toBeUndefined();
  });

  it("/metrics (from this machine, no token set) counts renders and cache hits and reads the queue depths", async () => {
    const response = await fetch(`${server.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(value(/^pressbox_http_requests_total\{kind="page-cache-hit",status_class="2xx"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^pressbox_http_requests_total\{kind="page-render",status_class="2xx"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^pressbox_cache_hits_total\{cache="page"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^pressbox_cache_entries\{cache="page"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^pressbox_queue_depth\{queue="stories_due"\} (\d+)$/m)).toBe(0);
    expect(value(/^pressbox_queue_depth\{queue="stories_scheduled"\} (\d+)$/m)).toBe(0);
    expect(text).toMatch(/^pressbox_scheduler_runs_total\{outcome="ran"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("SIGTERM: /readyz is refused to new connections, the server drains and stops, logging in the same format", async () => {
    const signalled = Date.now();
    process.kill(server.pid, "SIGTERM");
    const deadline = signalled + 30_000;
    while (Date.now() < deadline && isProcessAlive(server.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    const exitSeconds = (Date.now() - signalled) / 1000;
    expect(isProcessAlive(server.pid)).toBe(false);
    const { json, other } = logLines();
    expect(json.map((line) => line.msg)).toContain("Pressbox: stopped");
    expect(json.find((line) => /SIGTERM: no new connections/.test(line.msg))).toBeDefined();
    // Every line the server wrote is JSON, Next.js's and the startup line included.
    expect(other).toEqual([]);
    await expect(fetch(`${server.baseUrl}/readyz`)).rejects.toThrow();
    console.log(`operations: exited ${exitSeconds.toFixed(2)} s after SIGTERM; ${json.length} JSON log lines, ${other.length} other`);
  });
});
