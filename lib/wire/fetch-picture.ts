// Fetching an agency's picture from the address its document names, without letting a document
// make the server reach inside the network (SSRF): http and https only; every address the host
// name resolves to must be public, checked when the connection is made (so a DNS answer that
// changes between check and use changes nothing); redirects followed by hand, each re-checked;
// a size and a time limit. An agency on a private network can be allowed by name in
// WIRE_PRIVATE_FETCH_AGENCIES (comma-separated).
import "server-only";
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { integerSetting } from "../settings";

// accept: the Accept header (default image/*; the embed snapshots ask for JSON the same guarded way).
export type FetchLimits = { maxBytes: number; timeoutMs: number; allowPrivate: boolean; accept?: string };
export type FetchedPicture = { bytes: Buffer; url: string; contentType: string | null };

export class PictureFetchError extends Error {}

const MAX_REDIRECTS = 3;

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2001:db8::", 32],
  ["100::", 64],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, "ipv4");
  if (family !== 6) return false;
  // IPv4-mapped (::ffff:127.0.0.1 or ::ffff:7f00:1): judged as the IPv4 address it carries.
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return isPublicAddress(dotted[1]);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return !NOT_PUBLIC.check(address, "ipv6");
}

export function privateFetchAllowedFor(agencyName: string | null | undefined): boolean {
  if (!agencyName) return false;
  const allowed = (process.env.WIRE_PRIVATE_FETCH_AGENCIES ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return allowed.includes(agencyName.trim().toLowerCase());
}

export function fetchLimits(maxBytes: number, agencyName: string | null | undefined): FetchLimits {
  return { maxBytes, timeoutMs: integerSetting(process.env.WIRE_FETCH_TIMEOUT_MS, 15_000, 100), allowPrivate: privateFetchAllowedFor(agencyName) };
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as { address: string; family: number }[];
      const refused = list.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (refused || list.length === 0) return callback(new PictureFetchError(`${hostname} resolves to ${refused?.address ?? "nothing"}, a private, loopback or link-local address`), "", 0);
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PictureFetchError(`"${raw.slice(0, 120)}" is not an absolute address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new PictureFetchError(`${url.protocol} addresses are not fetched (only http and https)`);
  if (url.username || url.password) throw new PictureFetchError("addresses with a user name or password are not fetched");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowPrivate && !isPublicAddress(host)) throw new PictureFetchError(`${host} is a private, loopback or link-local address`);
  return url;
}

function requestOnce(url: URL, limits: FetchLimits, deadline: number): Promise<{ redirect: string } | FetchedPicture> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(url, { lookup: guardedLookup(limits.allowPrivate), timeout: Math.max(1, deadline - Date.now()), headers: { accept: limits.accept ?? "image/*" } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        return resolve({ redirect: new URL(response.headers.location, url).toString() });
      }
      if (status !== 200) {
        response.resume();
        return reject(new PictureFetchError(`the server answered ${status}`));
      }
      const declared = Number(response.headers["content-length"] ?? 0);
      if (declared > limits.maxBytes) {
        response.destroy();
        return reject(new PictureFetchError(`the file is ${declared} bytes; the limit is ${limits.maxBytes}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let isOver = false;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limits.maxBytes) return void chunks.push(chunk);
        if (isOver) return;
        isOver = true;
        reject(new PictureFetchError(`the file is over the limit of ${limits.maxBytes} bytes`));
        request.destroy();
      });
      response.on("end", () => {
        if (!isOver) resolve({ bytes: Buffer.concat(chunks), url: url.toString(), contentType: response.headers["content-type"] ?? null });
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new PictureFetchError(`no answer within ${limits.timeoutMs} ms`)));
    request.on("error", reject);
  });
}

export async function fetchPicture(raw: string, limits: FetchLimits): Promise<FetchedPicture> {
  const deadline = Date.now() + limits.timeoutMs;
  let next = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const url = checkUrl(next, limits.allowPrivate);
    try {
      const result = await requestOnce(url, limits, deadline);
      if ("bytes" in result) return result;
      next = result.redirect;
    } catch (error) {
      if (error instanceof PictureFetchError) throw error;
      throw new PictureFetchError(`it could not be fetched (${(error as Error).message})`);
    }
  }
  throw new PictureFetchError(`more than ${MAX_REDIRECTS} redirects`);
}
