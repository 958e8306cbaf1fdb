// The Redis the cluster test's instances share. Preferably a redis-server of our own on a free port
// (the test kills it mid-run and starts it again on the same port); else the REDIS_URL the
// developer gave (then nothing can be killed, and the outage case is skipped); else none, and
// every Redis case is skipped with the reason.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { findFreePort, killGroupOnExit, signalGroup, spawnGroup, stopGroup } from "../../../scripts/process-group";
import { findBinary } from "./binaries";

export type TestRedis = {
  url: string;
  // How it was found, for the test's log line.
  source: string;
  // Only for a server this harness started: SIGKILL it, and start it again on the same port.
  kill?: () => Promise<void>;
  restart?: () => Promise<void>;
  stop: () => Promise<void>;
};

export type NoRedis = { url: null; reason: string };

const START_TIMEOUT_MS = 10_000;

// Resolves once something accepts a TCP connection on the port and answers PING with PONG.
async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pings("127.0.0.1", port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${timeoutMs} ms`);
}

function pings(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

async function spawnRedis(binary: string): Promise<TestRedis> {
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-scale-redis-"));
  let child: ChildProcess;
  let forget = () => {};
  // No persistence: a restart starts empty, as a Redis that lost its memory would.
  const start = async () => {
    child = spawnGroup(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
    forget = killGroupOnExit(child);
    await waitForPong(port, START_TIMEOUT_MS);
  };
  await start();
  const kill = async () => {
    forget();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    signalGroup(child, "SIGKILL");
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}/0`,
    source: `${binary} started on port ${port}`,
    kill,
    restart: start,
    stop: async () => {
      forget();
      await stopGroup(child, 3_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestRedis(): Promise<TestRedis | NoRedis> {
  const binary = findBinary("redis-server", ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]);
  if (binary) return spawnRedis(binary);
  const configured = process.env.REDIS_URL;
  if (configured) {
    const url = new URL(configured);
    if (await pings(url.hostname, Number(url.port || 6379))) return { url: configured, source: `REDIS_URL (${url.host}; redis-server not installed, so the outage case cannot run)`, stop: async () => {} };
    return { url: null, reason: `redis-server is not installed and REDIS_URL (${url.host}) does not answer PING` };
  }
  return { url: null, reason: "redis-server is not installed and REDIS_URL is not set" };
}
