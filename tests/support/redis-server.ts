// A Redis for the scale-out tests (tests/integration/redis-cluster.test.ts, and the instances of the
// scale cluster, tests/scale/support/cluster.ts). Preferably a redis-server of the test's own on a
// free port, nothing saved to disk, which the test may kill mid-run and start again on the same
// port; else the one REDIS_URL names, when it answers (then nothing can be killed, and the outage
// cases are skipped); else none, with the reason, and the Redis cases are skipped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { createConnection, createServer, Socket, type Server } from "node:net";
import { findFreePort, killGroupOnExit, signalGroup, spawnGroup, stopGroup } from "../../scripts/process-group";
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
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-redis-"));
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
    if (child.exitCode !== null || child.signalCode !== null) return;
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

// A TCP relay to Redis that a test can cut, so one instance loses Redis while the others keep it.
export class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("error", () => {});
        socket.once("close", () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  // Refuses new connections and drops the open ones.
  async cut(): Promise<void> {
    const closed = new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = null;
  }
}
