// An agency pushing one wire document to POST /api/wire/push/<agency> (its id, or its name as a
// slug: "associated-press"). The request is signed with the agency's own secret
// (lib/agencies/push-secret.ts):
//   X-Pressbox-Timestamp: <unix seconds>
//   X-Pressbox-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
// The timestamp is inside the signed text and must be within five minutes of the server's clock,
// so a captured request cannot be replayed later; replayed within the window it changes nothing
// (the same version of an item is "unchanged"). Refusals, in this order: unknown agency 404; no
// signature, no secret set or a stale timestamp 401; body over the limit 413 (by Content-Length
// before reading, else cut off while reading); a content type that is no wire document 415; wrong
// signature 401; a bad document 422 with the importer's message, nothing created.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { slugify } from "../articles/schema";
import { db } from "../db";
import { isRecordId } from "../editor/record-id";
import { readCapped } from "../http/read-capped";
import { AppError } from "../errors";
import { findWireActor } from "./actor";
import { MAX_WIRE_DOCUMENT_BYTES } from "./detect";
import { importWireItem, type WireImportOptions, type WireImportResult } from "./import";

export const SIGNATURE_HEADER = "x-pressbox-signature";
export const TIMESTAMP_HEADER = "x-pressbox-timestamp";
const MAX_CLOCK_SKEW_SECONDS = 300;
const ACCEPTED_TYPES = new Set(["application/json", "application/xml", "text/xml", "text/plain"]);
const HOW_TO_SIGN = `Sign the body: ${TIMESTAMP_HEADER}: <unix seconds> and ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the agency's push secret>.`;

// Refusals carry the HTTP status the route answers with (413 and 415 have no AppError code).
const refuse = (code: "UNAUTHENTICATED" | "NOT_FOUND" | "INVALID", message: string, status?: number) => new AppError(code, message, status ? { status } : undefined);

export function signPush(secret: string, timestamp: string, body: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
}

async function findPushAgency(key: string): Promise<{ id: string; name: string; pushSecret: string | null } | null> {
  const select = { id: true, name: true, pushSecret: true } as const;
  if (isRecordId(key)) {
    const byId = await db.agency.findUnique({ where: { id: key }, select });
    if (byId) return byId;
  }
  const wanted = key.toLowerCase();
  return (await db.agency.findMany({ select, orderBy: { createdAt: "asc" } })).find((agency) => slugify(agency.name) === wanted) ?? null;
}

function checkTimestamp(value: string | null, now: number): string {
  if (!value) throw refuse("UNAUTHENTICATED", `The request is not signed. ${HOW_TO_SIGN}`);
  if (!/^\d{1,12}$/.test(value)) throw refuse("UNAUTHENTICATED", `${TIMESTAMP_HEADER} must be the time in whole seconds since 1970 (UTC).`);
  if (Math.abs(now / 1000 - Number(value)) > MAX_CLOCK_SKEW_SECONDS)
    throw refuse("UNAUTHENTICATED", `${TIMESTAMP_HEADER} is more than ${MAX_CLOCK_SKEW_SECONDS / 60} minutes from the server's time: sign each request when it is sent.`);
  return value;
}

function isSignedBy(secret: string, timestamp: string, body: Uint8Array, given: string): boolean {
  const expected = Buffer.from(signPush(secret, timestamp, body));
  const actual = Buffer.from(given.trim().toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function checkContentType(header: string | null): void {
  const type = (header ?? "").split(";")[0].trim().toLowerCase();
  if (ACCEPTED_TYPES.has(type) || /^application\/[\w.-]+\+(json|xml)$/.test(type)) return;
  throw refuse("INVALID", `A wire document is sent as application/json (ninjs), application/xml (NewsML-G2) or text/plain, not ${type || "without a content type"}.`, 415);
}

const tooLarge = (bytes: number) => refuse("INVALID", `The document is over ${Math.ceil(bytes / 1024 / 1024)} MB; the limit is ${MAX_WIRE_DOCUMENT_BYTES / 1024 / 1024} MB.`, 413);

// The body, read up to the limit and no further.
async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_WIRE_DOCUMENT_BYTES) throw tooLarge(declared);
  return request.body ? readCapped(request.body, MAX_WIRE_DOCUMENT_BYTES, tooLarge) : new Uint8Array();
}

export async function receivePush(agencyKey: string, request: Request, options: WireImportOptions = {}, now = Date.now()): Promise<WireImportResult> {
  const agency = await findPushAgency(agencyKey);
  if (!agency) throw refuse("NOT_FOUND", `There is no agency ${JSON.stringify(agencyKey.slice(0, 120))}: push to /api/wire/push/<the agency's id or its name as a slug>.`);
  const signature = request.headers.get(SIGNATURE_HEADER);
  if (!signature) throw refuse("UNAUTHENTICATED", `The request is not signed. ${HOW_TO_SIGN}`);
  if (!agency.pushSecret) throw refuse("UNAUTHENTICATED", `${agency.name} has no push secret: an admin generates one on the agency's screen in the newsroom.`);
  const timestamp = checkTimestamp(request.headers.get(TIMESTAMP_HEADER), now);
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_WIRE_DOCUMENT_BYTES) throw tooLarge(declared);
  checkContentType(request.headers.get("content-type"));
  const body = await readBody(request);
  if (!isSignedBy(agency.pushSecret, timestamp, body, signature)) throw refuse("UNAUTHENTICATED", `The signature does not match the body. ${HOW_TO_SIGN}`);
  const actor = await findWireActor(process.env.WIRE_IMPORT_AS);
  if (typeof actor === "string") throw new AppError("UNAVAILABLE", `Wire pushes cannot be imported now: ${actor}.`);
  return importWireItem(actor, { source: body, agency: agency.name }, options);
}
