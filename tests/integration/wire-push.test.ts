// The wire push endpoint's rules (lib/wire/push.ts) against a real database, with real Request
// objects as the route hands them on: a correctly signed document is imported; no signature, a
// wrong one, a stale timestamp, an unknown agency, a body over the limit, a wrong content type and
// a bad document are refused with their own status and leave every wire table as it was. The
// push secret is generated and rotated by an admin only, audited with its fingerprint.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generatePushSecret, revokePushSecret } from "../../lib/agencies/push-secret";
import { getAgency, listAgencies } from "../../lib/agencies/queries";
import { slugify } from "../../lib/articles/schema";
import { db } from "../../lib/db";
import { isAppError } from "../../lib/errors";
import type { Actor } from "../../lib/permissions";
import { receivePush, signPush } from "../../lib/wire/push";
import { uniqueSuffix } from "../fixtures/accounts";
import { createStaff } from "../fixtures/staff";

const run = uniqueSuffix();
const AGENCY = `Push Wire Agency ${run}`;
let admin: Actor;
let agencyId: string;
let secret: string;

beforeAll(async () => {
  admin = await createStaff("ADMIN", "Push Admin");
  agencyId = (await db.agency.create({ data: { name: AGENCY, shortCredit: "PWA", creditFormat: "{agency}" } })).id;
  const version = (await db.agency.findUniqueOrThrow({ where: { id: agencyId } })).version;
  secret = (await generatePushSecret(admin, { id: agencyId, version: String(version) })).secret;
  process.env.WIRE_IMPORT_AS = (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).email;
});

afterAll(() => {
  delete process.env.WIRE_IMPORT_AS;
});

const document = (id: string) => JSON.stringify({ uri: `urn:push:${run}:${id}`, version: "1", headlines: [{ value: `Pushed story ${id}` }] });
const now = () => String(Math.floor(Date.now() / 1000));

function push(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}, sign: { secret?: string; timestamp?: string } | null = {}): Request {
  const timestamp = sign?.timestamp ?? now();
  const signed: Record<string, string> = sign ? { "x-pressbox-timestamp": timestamp, "x-pressbox-signature": signPush(sign.secret ?? secret, timestamp, body) } : {};
  return new Request("http://localhost/api/wire/push/x", { method: "POST", body, headers: { "content-type": "application/json", ...signed, ...headers } });
}

async function refusal(work: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: (error.details as { status?: number } | undefined)?.status ?? error.status, message: error.message };
}

const wireCounts = async () => ({ items: await db.wireItem.count(), articles: await db.article.count(), media: await db.media.count() });

describe("POST /api/wire/push/[agency]", () => {
  test("a correctly signed document is imported as the agency's, by its slug or its id", async () => {
    const bySlug = await receivePush(slugify(AGENCY), push(document("slug")));
    expect(bySlug).toMatchObject({ outcome: "created", agency: AGENCY, headline: "Pushed story slug" });
    const story = await db.article.findUniqueOrThrow({ where: { id: bySlug.articleId! }, select: { createdById: true, status: true } });
    expect(story).toEqual({ createdById: admin.id, status: "DRAFT" });
    const byId = await receivePush(agencyId, push(document("id"), { "content-type": "application/vnd.iptc.ninjs+json; charset=utf-8" }));
    expect(byId).toMatchObject({ outcome: "created", agency: AGENCY });
    expect(await receivePush(agencyId, push(document("id")))).toMatchObject({ outcome: "unchanged" });
  });

  test.each([
    ["no signature", () => receivePush(agencyId, push(document("a"), {}, null)), 401, /not signed/],
    ["a wrong signature", () => receivePush(agencyId, push(document("b"), {}, { secret: "not-the-secret" })), 401, /signature does not match/],
    ["a signature of another body", () => receivePush(agencyId, push(document("c"), { "x-pressbox-signature": signPush(secret, now(), document("other")) })), 401, /signature does not match/],
    ["a stale timestamp (a replay)", () => receivePush(agencyId, push(document("d"), {}, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })), 401, /more than 5 minutes/],
    ["an unknown agency", () => receivePush("no-such-agency", push(document("e"))), 404, /There is no agency "no-such-agency"/],
    ["a declared body over the limit", () => receivePush(agencyId, push(document("f"), { "content-length": String(100 * 1024 * 1024) })), 413, /limit is 5 MB/],
    ["a body over the limit", () => receivePush(agencyId, push(new Uint8Array(6 * 1024 * 1024).fill(32))), 413, /limit is 5 MB/],
    ["a wrong content type", () => receivePush(agencyId, push(document("g"), { "content-type": "application/x-www-form-urlencoded" })), 415, /application\/json/],
    ["a malformed document", () => receivePush(agencyId, push('{"uri": "urn:x", "headlines": [')), 422, /is not valid JSON/],
  ])("%s is refused (%i) and creates nothing", async (_name, call, status, message) => {
    const before = await wireCounts();
    const answer = await refusal(call());
    expect(answer.status).toBe(status);
    expect(answer.message).toMatch(message);
    expect(await wireCounts()).toEqual(before);
  });

  test("an agency without a push secret refuses every push", async () => {
    const other = await db.agency.create({ data: { name: `No Secret ${run}`, shortCredit: "NS", creditFormat: "{agency}" } });
    expect(await refusal(receivePush(other.id, push(document("h"))))).toEqual({ status: 401, message: expect.stringMatching(/has no push secret/) });
  });

  test("the secret is generated by an admin only, shown once, rotated and turned off with audit entries naming its fingerprint", async () => {
    const editor = await createStaff("EDITOR", "Push Editor");
    const agency = await db.agency.create({ data: { name: `Rotating ${run}`, shortCredit: "RO", creditFormat: "{agency}" } });
    expect(await refusal(generatePushSecret(editor, { id: agency.id, version: "1" }))).toMatchObject({ status: 403 });
    const first = await generatePushSecret(admin, { id: agency.id, version: "1" });
    expect(first).toMatchObject({ secret: expect.stringMatching(/^pbx_[\w-]{43}$/), rotated: false });
    expect(await refusal(generatePushSecret(admin, { id: agency.id, version: "1" }))).toMatchObject({ status: 409 });
    const second = await generatePushSecret(admin, { id: agency.id, version: "2" });
    expect(second.rotated).toBe(true);
    expect(second.secret).not.toBe(first.secret);
    const shown = await getAgency(admin, agency.id);
    expect(shown).toMatchObject({ pushSecretFingerprint: second.fingerprint });
    expect(JSON.stringify(shown)).not.toContain(second.secret);
    expect(JSON.stringify(await listAgencies(admin))).not.toContain(second.secret);
    expect(await refusal(receivePush(agency.id, push(document("old-secret"), {}, { secret: first.secret })))).toMatchObject({ status: 401 });
    await revokePushSecret(admin, { id: agency.id, version: "3" });
    expect(await refusal(receivePush(agency.id, push(document("revoked"), {}, { secret: second.secret })))).toMatchObject({ status: 401, message: expect.stringMatching(/no push secret/) });
    const audit = await db.auditEntry.findMany({ where: { entityType: "Agency", entityId: agency.id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
    expect(audit.map((entry) => entry.action)).toEqual(["agency.push-secret.generate", "agency.push-secret.rotate", "agency.push-secret.revoke"]);
    expect(JSON.stringify(audit)).not.toContain(first.secret);
    expect(audit[1].details).toMatchObject({ fingerprint: second.fingerprint, replaced: first.fingerprint });
  });
});
