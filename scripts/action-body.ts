// A server action's body, read before Next.js sees it (its size is already known to be at most
// 1 MB: request-guard.ts): React's reply decoder walks the JSON it holds recursively, so a body
// nested thousands of levels overflows the stack and Next.js answers 500 before the action runs.
// The nesting is measured here in one pass without recursion (lib/input-depth.ts); a body within
// the limit is handed to Next.js as a request that replays the same bytes.
import { IncomingMessage } from "node:http";
import { BODY_LIMITS } from "../lib/editor/validate";
import { jsonTextDepth, MAX_REQUEST_JSON_DEPTH } from "../lib/input-depth";
import type { Refusal } from "./request-guard";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// The JSON an action body carries: all of it (text/plain, what the editor sends), or the parts
// React encodes as JSON in a multipart form (named by a number; form fields are plain text).
export function jsonPartsOf(body: Buffer, contentType: string | undefined): string[] {
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  if (!boundary) return /^application\/x-www-form-urlencoded/i.test(contentType ?? "") ? [] : [body.toString("utf8")];
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  return body
    .toString("utf8")
    .split(delimiter)
    .flatMap((part) => {
      const headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) return [];
      const name = /\bname="([^"]*)"/i.exec(part.slice(0, headerEnd))?.[1] ?? "";
      return /^\d+$/.test(name) ? [part.slice(headerEnd + 4).replace(/\r\n$/, "")] : [];
    });
}

export function refuseNestedBody(body: Buffer, contentType: string | undefined): Refusal | null {
  const deepest = Math.max(0, ...jsonPartsOf(body, contentType).map(jsonTextDepth));
  if (deepest <= MAX_REQUEST_JSON_DEPTH) return null;
  return { status: 422, message: `This request is nested ${deepest} levels deep; the limit is ${MAX_REQUEST_JSON_DEPTH}. A story's lists and blocks may nest at most ${BODY_LIMITS.maxDepth} levels.` };
}

// A request Next.js reads exactly like the original: same socket, method, address and headers,
// and a body that replays the bytes already read.
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket);
  Object.assign(replay, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    trailers: req.trailers,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    complete: true,
  });
  // The bytes are all here: reading must not resume the socket (its next request is the parser's).
  replay._read = () => undefined;
  replay.push(body);
  replay.push(null);
  return replay;
}
