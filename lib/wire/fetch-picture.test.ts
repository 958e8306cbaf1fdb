import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchPicture, isPublicAddress, privateFetchAllowedFor, type FetchLimits } from "./fetch-picture";

let server: Server;
let origin: string;
const BYTES = Buffer.alloc(2048, 7);

beforeAll(async () => {
  server = createServer((request, response) => {
    const target = request.url ?? "/";
    if (target === "/ok.jpg") response.writeHead(200, { "content-type": "image/jpeg", "content-length": BYTES.length }).end(BYTES);
    else if (target === "/redirect") response.writeHead(302, { location: "/ok.jpg" }).end();
    else if (target === "/to-file") response.writeHead(302, { location: "file:///etc/passwd" }).end();
    else if (target === "/loop") response.writeHead(302, { location: "/loop" }).end();
    else if (target === "/chunked-big") {
      response.writeHead(200, { "content-type": "image/jpeg" });
      response.write(Buffer.alloc(1500));
      response.end(Buffer.alloc(1500));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allowed: FetchLimits = { maxBytes: 4096, timeoutMs: 10_000, allowPrivate: true };
const guarded: FetchLimits = { ...allowed, allowPrivate: false };

describe("isPublicAddress", () => {
  test.each(["8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => expect(isPublicAddress(address)).toBe(true));
  test.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "not-an-ip"])(
    "%s is not",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
});

describe("fetchPicture", () => {
  test("fetches from an allowed private address, following a redirect", async () => {
    expect((await fetchPicture(`${origin}/redirect`, allowed)).bytes).toEqual(BYTES);
  });

  test.each([
    ["an IP literal on the loopback", () => `${origin}/ok.jpg`, /127\.0\.0\.1 is a private, loopback or link-local address/],
    ["a host name resolving to the loopback", () => `${origin.replace("127.0.0.1", "localhost")}/ok.jpg`, /localhost resolves to .*a private, loopback or link-local address/],
    ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a private/],
    ["a file address", () => "file:///etc/passwd", /file: addresses are not fetched/],
    ["an ftp address", () => "ftp://example.com/x.jpg", /ftp: addresses are not fetched/],
    ["a relative address", () => "./GYI0062134533.jpg", /is not an absolute address/],
    ["credentials in the address", () => "http://user:pw@example.com/x.jpg", /user name or password/],
  ])("refuses %s unless the agency is allowed", async (_, url, message) => {
    await expect(fetchPicture(url(), guarded)).rejects.toThrow(message);
  });

  test("re-checks every redirect: to a file address, and in a loop", async () => {
    await expect(fetchPicture(`${origin}/to-file`, allowed)).rejects.toThrow(/file: addresses are not fetched/);
    await expect(fetchPicture(`${origin}/loop`, allowed)).rejects.toThrow(/more than 3 redirects/);
  });

  test("stops at the size limit, declared or not", async () => {
    await expect(fetchPicture(`${origin}/ok.jpg`, { ...allowed, maxBytes: 1000 })).rejects.toThrow(/the file is 2048 bytes; the limit is 1000/);
    await expect(fetchPicture(`${origin}/chunked-big`, { ...allowed, maxBytes: 2000 })).rejects.toThrow(/over the limit of 2000 bytes/);
  });

  test("names the status of a failed answer", async () => {
    await expect(fetchPicture(`${origin}/nothing.jpg`, allowed)).rejects.toThrow(/the server answered 404/);
  });
});

describe("privateFetchAllowedFor", () => {
  test("reads WIRE_PRIVATE_FETCH_AGENCIES, case-insensitive", () => {
    process.env.WIRE_PRIVATE_FETCH_AGENCIES = "Local Wire, Other";
    try {
      expect([privateFetchAllowedFor("local wire"), privateFetchAllowedFor("Other"), privateFetchAllowedFor("Reuters"), privateFetchAllowedFor(null)]).toEqual([true, true, false, false]);
    } finally {
      delete process.env.WIRE_PRIVATE_FETCH_AGENCIES;
    }
  });
});
