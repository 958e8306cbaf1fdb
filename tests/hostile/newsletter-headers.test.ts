// Header injection through a newsletter: a line break in the sender's name or address, the
// edition's subject or a subscriber's address (however it got into the database) must never reach
// the SMTP server as an extra header or recipient. Refused when queueing, refused again per
// message (without blaming the reader: no bounce), and refused by the mailer itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";
import type { OutgoingMail } from "../../lib/newsletters/mailer";

const INJECTIONS = ["Desk\r\nBcc: victim@evil.example", "Desk\nBcc: victim@evil.example", "Desk\rX-Injected: yes", "Desk\u2028\r\n\r\nbody"];

let database: TestDatabase;
let smtp: TestSmtp;

beforeAll(async () => {
  database = await createSqliteDatabase("newsletter-headers");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  process.env.NEXTAUTH_SECRET ||= "newsletter-headers-test-secret";
  process.env.NEWSLETTER_SEND_RATE = "1000";
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
});

afterAll(async () => {
  (await import("../../lib/newsletters/mailer")).closeMailer();
  await (await import("../../lib/db")).db.$disconnect();
  await smtp.stop();
  delete process.env.SMTP_URL;
  if (database) removeDir(database.dir);
});

beforeEach(() => smtp.clear());

// Only the header block counts: a body may quote the hostile text harmlessly.
function expectNothingInjected(): void {
  for (const mail of smtp.received) {
    expect(mail.to).not.toContain("victim@evil.example");
    const [headers] = mail.raw.split(/\r?\n\r?\n/);
    expect(headers).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.parsed.bcc).toBeUndefined();
  }
}

describe("newsletter header injection", () => {
  it("refuses to queue an edition whose sender name, sender address or subject holds a line break", async () => {
    const { createSendableEdition } = await import("../fixtures/newsletter-edition");
    const { createStaff } = await import("../fixtures/staff");
    const { queueEdition } = await import("../../lib/newsletters/sending/queue");
    const { sendTestEdition } = await import("../../lib/newsletters/sending/test-send");
    const { db } = await import("../../lib/db");
    const editor = await createStaff("EDITOR");
    const cases = INJECTIONS.flatMap((bad) => [
      { name: bad, address: "desk@news.example.org", subject: "Briefing" },
      { name: "Desk", address: `desk@news.example.org${bad.slice(4)}`, subject: "Briefing" },
      { name: "Desk", address: "desk@news.example.org", subject: `Briefing${bad.slice(4)}` },
    ]);
    for (const sender of cases) {
      const edition = await createSendableEdition(1, {}, sender);
      await expect(queueEdition(editor, { editionId: edition.editionId, version: edition.version }), JSON.stringify(sender)).rejects.toMatchObject({ code: "INVALID" });
      // The composer may refuse the test or fold the subject onto one line; either way nothing is injected.
      await sendTestEdition(editor, { editionId: edition.editionId }).catch((error: unknown) => expect(error).toMatchObject({ code: "INVALID" }));
      expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "DRAFT" });
      expect(await db.delivery.count({ where: { editionId: edition.editionId } })).toBe(0);
    }
    expect(smtp.received.every((mail) => mail.parsed.subject?.startsWith("[Test] "))).toBe(true);
    expectNothingInjected();
  });

  it("refuses per message what changed after queueing, failing the delivery without bouncing the reader", async () => {
    const { createSendableEdition } = await import("../fixtures/newsletter-edition");
    const { createStaff } = await import("../fixtures/staff");
    const { queueEdition } = await import("../../lib/newsletters/sending/queue");
    const { sendDueDeliveries } = await import("../../lib/newsletters/sending/worker");
    const { db } = await import("../../lib/db");
    const editor = await createStaff("EDITOR");
    const edition = await createSendableEdition(2);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    // Written past the input checks, as a restore or a hand-edited database might.
    await db.newsletter.update({ where: { id: edition.newsletterId }, data: { senderName: INJECTIONS[0] } });
    const hostileReader = await db.subscriber.update({ where: { email: edition.confirmed[1] }, data: { email: `reader@example.org\r\nBcc: victim@evil.example` } });
    expect(await sendDueDeliveries()).toMatchObject({ sent: 0, failed: 2, bounced: 0 });
    expect(smtp.received).toHaveLength(0);
    const readers = await db.subscriber.findMany({ where: { id: { in: [hostileReader.id] } } });
    expect(readers.every((reader) => reader.status === "CONFIRMED")).toBe(true);
  });

  it("the mailer itself refuses a line break in any header it writes", async () => {
    const { sendMail, MailSendError } = await import("../../lib/newsletters/mailer");
    const base = { from: { name: "Desk", address: "desk@news.example.org" }, to: "reader@example.org", subject: "Hello", text: "Body" };
    const hostile: OutgoingMail[] = [
      { ...base, from: { name: INJECTIONS[0], address: base.from.address } },
      { ...base, to: "reader@example.org\r\nBcc: victim@evil.example" },
      { ...base, subject: "Hello\r\nBcc: victim@evil.example" },
      { ...base, headers: { "List-Id": "<a.b>\r\nBcc: victim@evil.example" } },
      { ...base, headers: { "X-A\r\nBcc": "victim@evil.example" } },
      { ...base, messageId: "x@y>\r\nBcc: victim@evil.example" },
    ];
    for (const mail of hostile) await expect(sendMail(mail), JSON.stringify(mail)).rejects.toBeInstanceOf(MailSendError);
    await sendMail(base);
    await smtp.waitFor("reader@example.org");
    expect(smtp.received).toHaveLength(1);
    expectNothingInjected();
  });
});
