// Graceful shutdown of the production server on SIGTERM/SIGINT: stop accepting, close idle
// keep-alive connections (and every connection once its response is sent), let requests under way
// finish for up to SHUTDOWN_TIMEOUT_SECONDS, then stop the scheduler and disconnect the database (the
// wire inbox process is stopped beside this: scripts/server.ts).
// A save the database committed is answered before the process exits; one cut by the deadline is
// logged, so the operator knows the timeout was too short.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { markShuttingDown } from "../lib/observability/shutdown-state";

const DEFAULT_TIMEOUT_SECONDS = 30;

export function shutdownTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.SHUTDOWN_TIMEOUT_SECONDS);
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000;
}

type GracefulServer = {
  // Wraps the request handler: counts requests under way, and once shutting down asks each
  // client to close its connection after this response.
  track: (req: IncomingMessage, res: ServerResponse) => void;
  shutdown: (signal: string) => Promise<void>;
};

export function makeGraceful(server: Server, release: () => Promise<void>, timeoutMs = shutdownTimeoutMs()): GracefulServer {
  let inFlight = 0;
  let shuttingDown: Promise<void> | null = null;
  // Connections with no request under way, tracked here: Node's closeIdleConnections() misses a
  // keep-alive connection that has been idle for a few seconds (seen on Node 20), and the shutdown
  // then waited out the whole timeout for it.
  const idle = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    idle.add(socket);
    socket.once("close", () => idle.delete(socket));
  });
  const track = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    idle.delete(req.socket);
    if (shuttingDown) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight -= 1;
      if (shuttingDown) req.socket.destroy();
      else if (!req.socket.destroyed) idle.add(req.socket);
    });
  };
  const drain = async (signal: string) => {
    // /readyz answers 503 from now on (lib/observability/endpoints.ts).
    markShuttingDown();
    console.log(`Pressbox: ${signal}: no new connections; finishing ${inFlight} request(s) under way (up to ${timeoutMs / 1000} s)`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const socket of idle) socket.destroy();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const outcome = await Promise.race([closed.then(() => "drained" as const), deadline]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      console.error(`Pressbox: ${inFlight} request(s) still under way after ${timeoutMs / 1000} s (SHUTDOWN_TIMEOUT_SECONDS); closing them`);
      server.closeAllConnections();
    }
    await release().catch((error) => console.error("Pressbox: shutdown could not release resources", error));
    console.log("Pressbox: stopped");
  };
  return {
    track,
    shutdown: (signal) => (shuttingDown ??= drain(signal)),
  };
}

// The scheduler and the database client live on globalThis (Next.js's bundle made them), so this
// reaches the same ones without loading a second copy.
export async function releaseServerResources(): Promise<void> {
  const { stopScheduler } = await import("../lib/scheduler");
  await stopScheduler();
  const { stopCluster } = await import("../lib/cluster/start");
  await stopCluster();
  const shared = globalThis as typeof globalThis & { pressboxDb?: { $disconnect: () => Promise<void> } };
  await shared.pressboxDb?.$disconnect();
}
