import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { holdResponse, keepPrivate } from "./held-response";

type Reply = { status: number; headers: IncomingMessage["headers"]; body: string };

// One request to a server that answers with `handler`.
async function answerWith(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Reply> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe("holdResponse", () => {
  it("sends nothing until the handler ends, then hands over the whole body with status and headers kept", async () => {
    let seen: { body: string; status: number; headersSent: boolean } | null = null;
    const reply = await answerWith((_req, res) => {
      holdResponse(res, (body) => {
        seen = { body: body.toString(), status: res.statusCode, headersSent: res.headersSent };
        res.setHeader("x-tags", "article:a");
        res.end(body);
      });
      res.setHeader("x-before", "1");
      res.writeHead(201, { "content-type": "text/plain" });
      res.flushHeaders();
      expect(res.write("ab")).toBe(true);
      res.write(new Uint8Array([99, 100]));
      res.end("ef");
    });
    expect(seen).toEqual({ body: "abcdef", status: 201, headersSent: false });
    expect(reply).toMatchObject({ status: 201, body: "abcdef" });
    expect(reply.headers).toMatchObject({ "x-before": "1", "x-tags": "article:a", "content-type": "text/plain" });
  });

  it("calls the handler's write and end callbacks", async () => {
    const called: string[] = [];
    await answerWith((_req, res) => {
      holdResponse(res, (body) => res.end(body));
      res.write("a", () => called.push("write"));
      res.end("b", () => called.push("end"));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(called.sort()).toEqual(["end", "write"]);
  });
});

describe("keepPrivate", () => {
  it("makes whatever a route said private and unstored, however it said it", async () => {
    const replies = await Promise.all([
      answerWith((_req, res) => {
        keepPrivate(res);
        res.setHeader("Cache-Control", "public, max-age=600");
        res.end("a");
      }),
      answerWith((_req, res) => {
        keepPrivate(res);
        res.writeHead(200, { "Cache-Control": "public, s-maxage=60" }).end("b");
      }),
      answerWith((_req, res) => {
        keepPrivate(res);
        res.writeHead(200, ["Cache-Control", "public", "x-kept", "yes"]).end("c");
      }),
      answerWith((_req, res) => {
        keepPrivate(res);
        res.end("d");
      }),
    ]);
    expect(replies.map((reply) => reply.headers["cache-control"])).toEqual(Array(4).fill("private, no-store"));
    expect(replies[2].headers["x-kept"]).toBe("yes");
  });

  it("keeps a stream's no-transform, and works under a held response", async () => {
    const reply = await answerWith((_req, res) => {
      keepPrivate(res);
      holdResponse(res, (body) => res.end(body));
      res.writeHead(200, { "cache-control": "no-store, no-transform" });
      res.end("e");
    });
    expect(reply.headers["cache-control"]).toBe("private, no-store, no-transform");
  });
});
