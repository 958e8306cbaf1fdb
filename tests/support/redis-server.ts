// A Redis for the scale-out tests (tests/integration/redis-cluster.test.ts): a redis-server of the
// test's own on a free port (nothing saved to disk), which the test may stop and start again on the
// same port; else the one REDIS_URL names (then it cannot be stopped); else none, with the reason.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, Socket, type Server } from "node:net";

export type TestRedis = {
  url: string;
  // Null when the test did not start this Redis and so may not stop it.
  restart: { stop: () => Promise<void>; start: () => Promise<void> } | null;
  close: () => Promise<void>;
};

const BINARY = process.env.REDIS_SERVER_BIN ?? "redis-server";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function hasBinary(): boolean {
  return spawnSync(BINARY, ["--version"], { encoding: "utf8" }).status === 0;
}

function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return exited;
}

// The Redis these tests use, or why there is none.
export async function testRedis(): Promise<TestRedis | string> {
  if (hasBinary()) {
    const port = await freePort();
    let child = await startServer(port);
    return {
      url: `redis://127.0.0.1:${port}/0`,
      restart: {
        stop: () => stopServer(child),
        start: async () => void (child = await startServer(port)),
      },
      close: () => stopServer(child),
    };
  }
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, restart: null, close: async () => {} };
  return `no ${BINARY} binary on PATH and no REDIS_URL set`;
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
