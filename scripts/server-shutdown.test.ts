// Graceful shutdown on a real HTTP server, wired as scripts/server.ts wires it: once shutdown
// starts, /readyz answers 503 to requests that still arrive, no new connection is accepted, the
// request under way finishes with its answer, and only then are the resources released (the
// scheduler stopped after its run, the database disconnected). tests/hostile/shutdown.test.ts
// proves the same with the production app and 50 editors saving.
import { createServer, request, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerOperational } from "../lib/observability/endpoints";
import { isShuttingDown } from "../lib/observability/shutdown-state";
import { makeGraceful } from "./server-shutdown";

let server: Server | null = null;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  globalThis.pressboxShuttingDown = false;
});

function get(port: number, path: string, agent?: import("node:http").Agent): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("stops accepting, finishes the request under way, then releases; /readyz says 'shutting down' meanwhile", async () => {
    const events: string[] = [];
    let finishSlow: () => void = () => undefined;
    let slowStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    server = createServer((req, res) => {
      graceful.track(req, res);
      if (answerOperational(req, res)) return;
      slowStarted();
      // The slow request answers once told to; a /readyz asked meanwhile shows the state.
      finishSlow = () => {
        events.push("slow answered");
        res.end("saved");
      };
    });
    const graceful = makeGraceful(
      server,
      async () => {
        events.push("released");
      },
      10_000,
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    // The save and, once shutdown began, a readiness probe on the same (busy, so kept) connection.
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk));
    const ended = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write("GET /save HTTP/1.1\r\nHost: pressbox\r\n\r\n");
    await started;
    const shutdown = graceful.shutdown("SIGTERM").then(() => events.push("shut down"));
    expect(isShuttingDown()).toBe(true);
    socket.write("GET /readyz HTTP/1.1\r\nHost: pressbox\r\n\r\n");
    // No new connections: a load balancer's next probe fails outright.
    await expect(get(port, "/healthz")).rejects.toThrow(/ECONNREFUSED/);
    expect(events).toEqual([]);
    finishSlow();
    await ended;
    expect(received).toMatch(/^HTTP\/1.1 200 OK\r\n[^]*\r\n\r\nsaved/);
    expect(received).toMatch(/HTTP\/1.1 503 Service Unavailable\r\n[^]*"message":"shutting down"/);
    await shutdown;
    expect(events).toEqual(["slow answered", "released", "shut down"]);
  });
});
