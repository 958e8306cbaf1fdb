// Load generation for the benchmark: wrk when it is installed (it saturates a plain Node.js
// server on this kind of machine), autocannon otherwise (it cannot, so the control's number is then
// a floor, not the limit). Both report requests/s, p50/p99 latency and errors the same way.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

export type LoadTool = "wrk" | "autocannon";

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  // Answers other than 2xx/3xx.
  non2xx: number;
};

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  // Spread requests over these paths (relative to url's origin) instead of url's own.
  paths?: string[];
  // Hold each connection to this many requests per second overall (below saturation).
  rate?: number;
  // Sent with every request (e.g. If-None-Match, to measure 304 answers).
  headers?: Record<string, string>;
};

const WRK_SCRIPT = path.join(__dirname, "wrk", "report.lua");

export function loadTool(): LoadTool {
  return spawnSync("wrk", ["--version"], { encoding: "utf8" }).error ? "autocannon" : "wrk";
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function runWrk(options: LoadOptions, workDir: string): LoadResult {
  const env: NodeJS.ProcessEnv = { ...process.env, WRK_PATHS_FILE: "", WRK_DELAY_MS: "0" };
  if (options.paths?.length) {
    const file = path.join(workDir, "wrk-paths.txt");
    writeFileSync(file, `${options.paths.join("\n")}\n`);
    env.WRK_PATHS_FILE = file;
  }
  // wrk has no rate option: each connection pauses between requests so that together they
  // send about `rate` requests per second (the achieved rate is what gets reported).
  if (options.rate) env.WRK_DELAY_MS = String(Math.max(1, Math.round((options.connections * 1000) / options.rate)));
  const threads = Math.min(2, options.connections);
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = ["-t", String(threads), "-c", String(options.connections), "-d", `${options.seconds}s`, "--timeout", "10s", ...headers, "-s", WRK_SCRIPT, options.url];
  const run = spawnSync("wrk", args, { env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const line = run.stdout.split("\n").find((l) => l.startsWith('{"requests"'));
  if (run.status !== 0 || !line) throw new Error(`wrk failed (${run.status}): ${run.stderr || run.stdout}`);
  const raw = JSON.parse(line) as {
    requests: number;
    durationUs: number;
    errors: { connect: number; read: number; write: number; status: number; timeout: number };
    latencyUs: { p50: number; p90: number; p99: number; max: number };
  };
  const seconds = raw.durationUs / 1e6;
  const { connect, read, write, timeout, status } = raw.errors;
  return {
    requests: raw.requests,
    seconds: round(seconds),
    rps: round(raw.requests / seconds, 0),
    p50Ms: round(raw.latencyUs.p50 / 1000),
    p90Ms: round(raw.latencyUs.p90 / 1000),
    p99Ms: round(raw.latencyUs.p99 / 1000),
    maxMs: round(raw.latencyUs.max / 1000),
    errors: connect + read + write + timeout,
    non2xx: status,
  };
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const { default: autocannon } = await import("autocannon");
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(options.paths?.length ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: options.paths![Math.floor(Math.random() * options.paths!.length)] }) }] } : {}),
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: round(result.requests.total / result.duration, 0),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function runLoad(tool: LoadTool, options: LoadOptions, workDir: string): Promise<LoadResult> {
  return tool === "wrk" ? runWrk(options, workDir) : runAutocannon(options);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
