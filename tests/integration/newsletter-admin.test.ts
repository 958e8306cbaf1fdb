// Newsletter and subscriber administration through lib/: settings with a version guard, exactly
// one main newsletter, refusals of header-breaking senders and bad schedules, the subscriber CSV
// export (and its defence against spreadsheet formulas), erasing a subscriber, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFailure } from "../../lib/action-result";
import { failureOf, fields, subscriberOf } from "../fixtures/newsletter-admin";
import { db } from "../../lib/db";
import { createNewsletter, makeMainNewsletter, setNewsletterArchived, updateNewsletter } from "../../lib/newsletters/commands";
import { listNewsletters } from "../../lib/newsletters/queries";
import { eraseSubscriber } from "../../lib/newsletters/subscribers-admin/erase";
import { EXPORT_COLUMNS, exportSubscribersCsv } from "../../lib/newsletters/subscribers-admin/export";
import { listSubscribers } from "../../lib/newsletters/subscribers-admin/queries";
import { createTestUser, uniqueSuffix, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";

process.env.NEXTAUTH_SECRET ??= "newsletter-admin-test-secret";
const { erasedAddressHash } = await import("../../lib/newsletters/address");

let admin: TestUser;
let otherAdmin: TestUser;
let editor: TestUser;
let contributor: TestUser;
let demoMainId: string | null;

beforeAll(async () => {
  await ensureDemoNewsroom();
  admin = await createTestUser("ADMIN", { name: "Nora Admin" });
  otherAdmin = await createTestUser("ADMIN", { name: "Olav Admin" });
  editor = await createTestUser("EDITOR");
  contributor = await createTestUser("CONTRIBUTOR");
  demoMainId = (await db.newsletter.findFirst({ where: { isMain: true }, select: { id: true } }))?.id ?? null;
});

// Other files read the demo newsroom's main newsletter: give it back.
afterAll(async () => {
  if (demoMainId) {
    await db.newsletter.updateMany({ data: { isMain: false } });
    await db.newsletter.update({ where: { id: demoMainId }, data: { isMain: true } });
  }
});

describe("newsletter settings", () => {
  it("creates with a slug made once from the name, normalised sender and ordered days, audited", async () => {
    const name = `Weekend Wrap ${uniqueSuffix()}`;
    const { id, slug, href } = await createNewsletter(admin, fields(name));
    expect(href).toBe(`/newsroom/newsletters/${id}/settings`);
    expect(await db.newsletter.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug, senderAddress: "desk@pressbox.example", scheduleDays: "mon,fri", version: 1 });
    const twin = await createNewsletter(admin, fields(name));
    expect(twin.slug).toBe(`${slug}-2`);
    await updateNewsletter(admin, { id, version: 1, ...fields("Renamed Wrap") });
    expect(await db.newsletter.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Renamed Wrap", slug, version: 2 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "newsletter.update", entityId: id } });
    expect(audit.details).toMatchObject({ name: { from: name, to: "Renamed Wrap" } });
  });

  it("accepts the form's day checkboxes", async () => {
    const { scheduleDays: _days, ...rest } = fields(`Checkbox days ${uniqueSuffix()}`);
    const { id } = await createNewsletter(admin, { ...rest, "scheduleDays.sun": "on", "scheduleDays.tue": "on" });
    expect((await db.newsletter.findUniqueOrThrow({ where: { id } })).scheduleDays).toBe("tue,sun");
  });

  it("lets one of two concurrent saves through and refuses the other with 409 naming who saved", async () => {
    const { id } = await createNewsletter(admin, fields(`Race ${uniqueSuffix()}`));
    const results = await Promise.allSettled([updateNewsletter(admin, { id, version: 1, ...fields("Saved by Nora") }), updateNewsletter(otherAdmin, { id, version: 1, ...fields("Saved by Olav") })]);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(1);
    const failure = toFailure((refused[0] as PromiseRejectedResult).reason);
    const saved = await db.newsletter.findUniqueOrThrow({ where: { id } });
    const winner = saved.name === "Saved by Nora" ? "Nora Admin" : "Olav Admin";
    expect(failure).toMatchObject({ status: 409, message: expect.stringContaining(`${winner} changed this newsletter`) });
    expect(saved.version).toBe(2);
  });

  it("refuses header-breaking senders and bad schedules with 422, and writes nothing", async () => {
    const { id } = await createNewsletter(admin, fields(`Guarded ${uniqueSuffix()}`));
    const before = await db.newsletter.findUniqueOrThrow({ where: { id } });
    const bad: Record<string, Partial<ReturnType<typeof fields>>> = {
      senderName: { senderName: "Desk\r\nBcc: victim@example.org" },
      senderAddress: { senderAddress: "desk@pressbox.example\nBcc: x@evil.test" },
      scheduleTime: { scheduleTime: "25:00" },
      scheduleDays: { scheduleDays: "mon,funday" },
      name: { name: "x".repeat(81) },
    };
    for (const [field, change] of Object.entries(bad)) {
      const failure = await failureOf(updateNewsletter(admin, { id, version: 1, ...fields("Changed"), ...change }));
      expect(failure, field).toMatchObject({ status: 422, details: { fields: { [field]: expect.any(String) } } });
    }
    expect(await failureOf(updateNewsletter(admin, { id, version: 1, ...fields("Changed"), scheduleDays: "" }))).toMatchObject({ status: 422 });
    expect(await db.newsletter.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the main newsletter", () => {
  it("is always exactly one, even when two are made main at once", async () => {
    const [a, b] = [await createNewsletter(admin, fields(`Main A ${uniqueSuffix()}`)), await createNewsletter(admin, fields(`Main B ${uniqueSuffix()}`))];
    await Promise.allSettled([makeMainNewsletter(admin, { id: a.id, version: 1 }), makeMainNewsletter(otherAdmin, { id: b.id, version: 1 })]);
    const mains = await db.newsletter.findMany({ where: { isMain: true }, select: { id: true } });
    expect(mains).toHaveLength(1);
    expect([a.id, b.id]).toContain(mains[0].id);
    expect(await db.auditEntry.count({ where: { action: "newsletter.makeMain", entityId: { in: [a.id, b.id] } } })).toBeGreaterThanOrEqual(1);
  });

  it("cannot be archived, and an archived newsletter cannot become main", async () => {
    const main = await db.newsletter.findFirstOrThrow({ where: { isMain: true } });
    expect(await failureOf(setNewsletterArchived(admin, { id: main.id, version: main.version, isArchived: "true" }))).toMatchObject({ status: 409 });
    const { id } = await createNewsletter(admin, fields(`Archive me ${uniqueSuffix()}`));
    await setNewsletterArchived(admin, { id, version: 1, isArchived: "true" });
    expect(await failureOf(makeMainNewsletter(admin, { id, version: 2 }))).toMatchObject({ status: 409 });
    await setNewsletterArchived(admin, { id, version: 2, isArchived: "false" });
    expect(await db.newsletter.findUniqueOrThrow({ where: { id } })).toMatchObject({ isArchived: false, version: 3 });
    expect(await db.auditEntry.findMany({ where: { entityId: id }, select: { action: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { action: "newsletter.create" },
      { action: "newsletter.archive" },
      { action: "newsletter.unarchive" },
    ]);
  });
});

async function csvOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("subscribers", () => {
  it("are listed with counts per status, and exported as CSV a spreadsheet cannot run", async () => {
    const { id, slug } = await createNewsletter(admin, fields(`Export ${uniqueSuffix()}`));
    const suffix = uniqueSuffix();
    await subscriberOf(id, `=cmd-${suffix}@example.org`, { consentText: '+SUM(1,2) "quoted", and more' });
    await subscriberOf(id, `plain-${suffix}@example.org`, { status: "PENDING" });
    const listed = await listSubscribers(admin, { q: suffix, newsletterId: id, page: 1 });
    expect(listed.total).toBe(2);
    expect(listed.countsByNewsletter.get(id)).toEqual({ CONFIRMED: 1, PENDING: 1 });
    expect((await listNewsletters(editor)).find((row) => row.id === id)).toMatchObject({ confirmed: 1, pending: 1 });

    const csv = await csvOf(await exportSubscribersCsv(admin, { q: "", newsletterId: id }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(","));
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`'=cmd-${suffix}@example.org,confirmed,${slug} (confirmed),,"'+SUM(1,2) ""quoted"", and more",2026-12-01T06:00:00.000Z,203.0.113.7,2026-12-01T06:05:00.000Z,203.0.113.8`);
    expect(lines).toContain(`plain-${suffix}@example.org,pending,${slug} (pending),,"Yes, email me.",2026-12-01T06:00:00.000Z,203.0.113.7,,`);
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "subscriber.export", actorId: admin.id, entityId: id } })).toMatchObject({ details: { rows: 2 } });
  });

  it("erased: row, subscriptions and deliveries gone, only the hash left, no address in the audit line", async () => {
    const { id } = await createNewsletter(admin, fields(`Erase ${uniqueSuffix()}`));
    const email = `erase-me-${uniqueSuffix()}@example.org`;
    const subscriber = await subscriberOf(id, email);
    const edition = await db.edition.create({ data: { newsletterId: id, subject: "Edition", scheduledFor: new Date(), status: "SENT" } });
    await db.delivery.create({ data: { editionId: edition.id, subscriberId: subscriber.id, status: "SENT", sentAt: new Date() } });

    expect(await eraseSubscriber(admin, { id: subscriber.id })).toEqual({ subscriptions: 1, deliveries: 1 });
    expect(await db.subscriber.findUnique({ where: { id: subscriber.id } })).toBeNull();
    expect(await db.subscription.count({ where: { subscriberId: subscriber.id } })).toBe(0);
    expect(await db.delivery.count({ where: { subscriberId: subscriber.id } })).toBe(0);
    expect(await db.erasedSubscriber.findUnique({ where: { hash: erasedAddressHash(email) } })).toMatchObject({ erasedById: admin.id });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "subscriber.erase", entityId: subscriber.id } });
    expect(JSON.stringify(audit)).not.toContain("erase-me");
    expect(await failureOf(eraseSubscriber(admin, { id: subscriber.id }))).toMatchObject({ status: 404 });
  });
});

describe("who may", () => {
  it("editors see the newsletters list but may not manage newsletters or subscribers; contributors nothing", async () => {
    const { id } = await createNewsletter(admin, fields(`Permissions ${uniqueSuffix()}`));
    const subscriber = await subscriberOf(id, `kept-${uniqueSuffix()}@example.org`);
    await expect(listNewsletters(editor)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
    for (const actor of [editor, contributor]) {
      const refusals = [
        createNewsletter(actor, fields("Not allowed")),
        updateNewsletter(actor, { id, version: 1, ...fields("Not allowed") }),
        makeMainNewsletter(actor, { id, version: 1 }),
        setNewsletterArchived(actor, { id, version: 1, isArchived: true }),
        listSubscribers(actor, { q: "", page: 1 }),
        exportSubscribersCsv(actor, { q: "" }),
        eraseSubscriber(actor, { id: subscriber.id }),
      ];
      for (const refusal of refusals) expect(await failureOf(refusal)).toMatchObject({ status: 403 });
    }
    expect(await failureOf(listNewsletters(contributor))).toMatchObject({ status: 403 });
    expect(await failureOf(createNewsletter(null, fields("Anonymous")))).toMatchObject({ status: 401 });
    expect(await db.newsletter.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, isMain: false, isArchived: false });
    expect(await db.subscriber.findUnique({ where: { id: subscriber.id } })).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "subscriber.export", actorId: { in: [editor.id, contributor.id] } } })).toBe(0);
  });
});
