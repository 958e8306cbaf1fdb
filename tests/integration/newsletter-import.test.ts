// Importing addresses into a newsletter: pending until confirmed, refused whole when the list holds
// an erased or an invalid address, and never putting back someone who left.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createNewsletter } from "../../lib/newsletters/commands";
import { eraseSubscriber } from "../../lib/newsletters/subscribers-admin/erase";
import { importSubscribers } from "../../lib/newsletters/subscribers-admin/import";
import { createTestUser, uniqueSuffix, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { failureOf, fields, subscriberOf } from "../fixtures/newsletter-admin";

process.env.NEXTAUTH_SECRET ??= "newsletter-admin-test-secret";

let admin: TestUser;
let editor: TestUser;

beforeAll(async () => {
  await ensureDemoNewsroom();
  admin = await createTestUser("ADMIN", { name: "Nora Admin" });
  editor = await createTestUser("EDITOR");
});

describe("importing addresses", () => {
  it("adds them as pending, keeps those who left, and refuses a list with an erased or invalid address whole", async () => {
    const { id } = await createNewsletter(admin, fields(`Import ${uniqueSuffix()}`));
    const suffix = uniqueSuffix();
    const [fresh, member, leaver, erased] = ["fresh", "member", "leaver", "erased"].map((name) => `${name}-${suffix}@example.org`);
    await subscriberOf(id, member);
    const left = await subscriberOf(id, leaver);
    await db.subscription.update({ where: { subscriberId_newsletterId: { subscriberId: left.id, newsletterId: id } }, data: { status: "UNSUBSCRIBED" } });
    const gone = await subscriberOf(id, erased);
    await eraseSubscriber(admin, { id: gone.id });
    const before = await db.subscriber.count();

    const refused = await failureOf(importSubscribers(admin, { newsletterId: id, addresses: `address\n${fresh}\n${erased.toUpperCase()}` }));
    expect(refused).toMatchObject({ status: 422, message: expect.stringContaining(erased) });
    expect(refused.message).not.toContain(fresh);
    expect(await failureOf(importSubscribers(admin, { newsletterId: id, addresses: `${fresh}\nnot an address\nx@y.co\r\nBcc: z@evil.test` }))).toMatchObject({
      status: 422,
      message: expect.stringContaining("not an address"),
    });
    expect(await db.subscriber.count()).toBe(before);

    const result = await importSubscribers(admin, { newsletterId: id, addresses: `"email",name\r\n"${fresh.toUpperCase()}",Fresh\n${member}\n${leaver}\n\n` });
    expect(result).toEqual({ created: 1, added: 0, already: 1, left: 1 });
    const imported = await db.subscriber.findUniqueOrThrow({ where: { email: fresh }, include: { subscriptions: true } });
    expect(imported).toMatchObject({ status: "PENDING", confirmedAt: null, consentText: expect.stringContaining("Imported by Nora Admin") });
    expect(imported.subscriptions).toEqual([expect.objectContaining({ newsletterId: id, status: "PENDING" })]);
    expect((await db.subscription.findUniqueOrThrow({ where: { subscriberId_newsletterId: { subscriberId: left.id, newsletterId: id } } })).status).toBe("UNSUBSCRIBED");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "subscriber.import", entityId: id } });
    expect(audit.details).toEqual(result);
    expect(await failureOf(importSubscribers(editor, { newsletterId: id, addresses: fresh }))).toMatchObject({ status: 403 });
  });
});
