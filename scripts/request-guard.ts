// Requests the production server (scripts/server.ts) refuses before Next.js sees them, because
// Next.js would answer them with a 500: an address whose percent-encoding does not decode to
// UTF-8 (Next.js throws decoding it), a server-action body larger than Next.js accepts (it fails
// inside, after reading up to the limit), and next-auth's credentials callback fetched instead of
// posted (next-auth throws); and a NUL in a query string. Bodies nested too deeply are refused
// in action-body.ts, which has to read them. A refusal is a status and a sentence; null lets
// the request through.
import type { IncomingMessage } from "node:http";

// Next.js's default server-action body limit (experimental.serverActions.bodySizeLimit).
export const ACTION_BODY_LIMIT = 1024 * 1024;

const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";

export type Refusal = { status: 400 | 405 | 411 | 413 | 422; message: string; allow?: string };

export function refuseRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): Refusal | null {
  if (!hasDecodablePath(req.url ?? "/")) return { status: 400, message: "This address is not valid: its percent-encoding does not decode." };
  if (hasNulInQuery(req.url ?? "/")) return { status: 400, message: "This address is not valid: its query holds a NUL character (%00), which no search or filter can contain." };
  if (req.method === "POST" && req.headers["next-action"] !== undefined) return refuseActionBody(req.headers);
  if (req.method !== "POST" && (req.url ?? "").split(/[?#]/, 1)[0] === CREDENTIALS_CALLBACK) {
    return { status: 405, message: "Sign in from the sign-in page: this address only takes the form it posts.", allow: "POST" };
  }
  return null;
}

function hasDecodablePath(url: string): boolean {
  const pathname = url.split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// A NUL reaches PostgreSQL as an error and SQLite as a stored character: refused here for every
// page and route at once (lib/text-input.ts refuses it again in every schema). Other undecodable
// query text is left to the page (URLSearchParams turns it into U+FFFD, which stores fine).
function hasNulInQuery(url: string): boolean {
  const query = url.indexOf("?") < 0 ? "" : url.slice(url.indexOf("?") + 1).split("#", 1)[0];
  return /%00/i.test(query);
}

// Browsers always send a server action's length; one without it could be any size.
function refuseActionBody(headers: IncomingMessage["headers"]): Refusal | null {
  const length = headers["content-length"];
  if (length === undefined) return { status: 411, message: "A server action must say its length (Content-Length)." };
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT) return { status: 413, message: "This request is too large: the limit is 1 MB. Shorten the story or split it." };
  return null;
}
