// The three purge targets against a local HTTP server that records what it is sent (the
// Varnish VCL itself is tested against varnishd in tests/integration/varnish-http-cache.test.ts).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SITE_TAG } from "../http-headers";
import { purgeCloudflare } from "./cloudflare";
import { purgeFastly } from "./fastly";
import { purgeProxy } from "./purge";
import { purgeVarnish } from "./varnish";

type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

let server: Server;
let base = "";
let recorded: Recorded[] = [];
// What the server does next: answer with a status, or never answer.
let behaviour: { status: number } | "hang" = { status: 200 };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      recorded.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (behaviour === "hang") return;
      res.writeHead(behaviour.status, { "content-type": "application/json" }).end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  recorded = [];
  behaviour = { status: 200 };
});

describe("Fastly", () => {
  it("posts the keys to the service's batch purge endpoint with the API token", async () => {
    await purgeFastly({ serviceId: "SU1Z0isxPaozGVKXdv0eY", apiToken: "token-1", apiBase: base }, ["article:a", "front-page"]);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ method: "POST", url: "/service/SU1Z0isxPaozGVKXdv0eY/purge" });
    expect(recorded[0].headers["fastly-key"]).toBe("token-1");
    expect(JSON.parse(recorded[0].body)).toEqual({ surrogate_keys: ["article:a", "front-page"] });
  });

  it("sends at most 256 keys a request", async () => {
    const keys = Array.from({ length: 300 }, (_, index) => `article:${index}`);
    await purgeFastly({ serviceId: "s", apiToken: "t", apiBase: base }, keys);
    expect(recorded.map((request) => JSON.parse(request.body).surrogate_keys.length).sort()).toEqual([256, 44]);
  });
});

describe("Cloudflare", () => {
  it("posts the tags to the zone's purge_cache endpoint with a bearer token, 30 a request", async () => {
    const tags = Array.from({ length: 31 }, (_, index) => `tag:${index}`);
    await purgeCloudflare({ zoneId: "023e105f4ecef8ad9ca31a8372d0c353", apiToken: "cf-token", apiBase: base }, tags);
    expect(recorded.map((request) => [request.method, request.url])).toEqual([
      ["POST", "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"],
      ["POST", "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"],
    ]);
    expect(recorded[0].headers.authorization).toBe("Bearer cf-token");
    expect(recorded.flatMap((request) => JSON.parse(request.body).tags).sort()).toEqual([...tags].sort());
  });
});

describe("Varnish", () => {
  it("sends PURGE with the keys in xkey-purge to every instance", async () => {
    await purgeProxy({ tags: ["article:a", "section:s"] }, { HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: `${base}, ${base}/` });
    expect(recorded).toHaveLength(2);
    for (const request of recorded) {
      expect(request).toMatchObject({ method: "PURGE", url: "/" });
      expect(request.headers["xkey-purge"]).toBe("article:a section:s");
    }
  });

  it("splits a long key list over several requests", async () => {
    const keys = Array.from({ length: 300 }, (_, index) => `article:${String(index).padStart(25, "0")}`);
    await purgeVarnish([base], keys);
    expect(recorded.length).toBeGreaterThan(1);
    expect(recorded.flatMap((request) => String(request.headers["xkey-purge"]).split(" "))).toEqual(keys);
  });
});

describe("choosing and failing", () => {
  it("purges the site-wide key for a full purge", async () => {
    await purgeProxy({ all: true }, { HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: base });
    expect(recorded.map((request) => request.headers["xkey-purge"])).toEqual([SITE_TAG]);
  });

  it("sends nothing when no target is configured", async () => {
    await purgeProxy({ tags: ["article:a"] }, { VARNISH_PURGE_URLS: base });
    expect(recorded).toEqual([]);
  });

  it("logs a refused, an unreachable and a silent target, and resolves within the time limit", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      behaviour = { status: 500 };
      await purgeVarnish([base, "http://127.0.0.1:1"], ["article:a"]);
      behaviour = "hang";
      const started = Date.now();
      await purgeVarnish([base], ["article:a"], 300);
      expect(Date.now() - started).toBeLessThan(2_000);
      const messages = log.mock.calls.map((call) => String(call[0]));
      expect(messages.some((message) => message.includes("answered 500"))).toBe(true);
      expect(messages.filter((message) => message.includes("failed"))).toHaveLength(2);
    } finally {
      log.mockRestore();
    }
  });

  it("says so when the chosen target misses its settings", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await purgeProxy({ tags: ["article:a"] }, { HTTP_CACHE_PURGE: "cloudflare" });
      expect(String(log.mock.calls[0]?.[0])).toContain("HTTP_CACHE_PURGE=cloudflare");
    } finally {
      log.mockRestore();
    }
  });
});
