// Response plumbing for the HTTP-cache headers scripts/server.ts sends (lib/cache/http-headers.ts).
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { privateCacheControl } from "../lib/cache/http-headers";

type Callback = (error?: Error | null) => void;

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength));
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

function lastCallback(args: unknown[]): Callback | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as Callback) : undefined;
}

// Holds a whole response back until its handler ends it, then calls `complete` with the body,
// with the response's own methods back in place: the cache tags of a page are known only once its
// render is over, and they go in headers. Status and headers the handler gave (setHeader,
// writeHead) stay on `res`; nothing reaches the socket before `complete` sends it. Every write
// reports success at once, so the handler never waits for a drain that would not come.
export function holdResponse(res: ServerResponse, complete: (body: Buffer) => void): void {
  const own = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let ended = false;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    res.statusCode = statusCode;
    if (typeof rest[0] === "string") res.statusMessage = rest[0];
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers)) {
      // The raw form: [name, value, name, value…] or [[name, value]…].
      const flat = headers.flat() as string[];
      for (let index = 0; index + 1 < flat.length; index += 2) res.setHeader(flat[index], flat[index + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  }) as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = ((...args: unknown[]) => {
    const buffer = toBuffer(args[0], args[1]);
    if (buffer && !ended) chunks.push(buffer);
    const callback = lastCallback(args);
    if (callback) process.nextTick(callback);
    return true;
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    if (ended) return res;
    ended = true;
    const buffer = toBuffer(args[0], args[1]);
    if (buffer) chunks.push(buffer);
    const callback = lastCallback(args);
    if (callback) res.once("finish", callback);
    Object.assign(res, own);
    complete(Buffer.concat(chunks));
    return res;
  }) as ServerResponse["end"];
}

// Whatever a route says, the answer to a request carrying a session is `private, no-store`: the
// one place every response's headers pass (writeHead, also when Node sends them implicitly).
export function keepPrivate(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const index = rest.findIndex((arg) => typeof arg === "object" && arg !== null);
    let routeValue = res.getHeader("cache-control");
    if (index >= 0 && Array.isArray(rest[index])) {
      const flat = (rest[index] as unknown[]).flat() as string[];
      const kept: string[] = [];
      for (let at = 0; at + 1 < flat.length; at += 2) {
        if (flat[at].toLowerCase() === "cache-control") routeValue = flat[at + 1];
        else kept.push(flat[at], flat[at + 1]);
      }
      rest[index] = kept;
    } else if (index >= 0) {
      const headers: OutgoingHttpHeaders = { ...(rest[index] as OutgoingHttpHeaders) };
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() !== "cache-control") continue;
        routeValue = headers[name];
        delete headers[name];
      }
      rest[index] = headers;
    }
    res.setHeader("cache-control", privateCacheControl(routeValue));
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];
}
