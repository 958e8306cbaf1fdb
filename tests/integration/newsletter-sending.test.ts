// Sending an edition through the durable queue to a real SMTP server (tests/support/smtp-server.ts),
// checked as a mail client sees the messages: who gets it, its headers and parts, retries,
// bounces, readers who left after queueing, a second send refused, racing senders, no SMTP_URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { closeMailer } from "../../lib/newsletters/mailer";
import { claimDeliveries } from "../../lib/newsletters/sending/claim";
import { queueEdition } from "../../lib/newsletters/sending/queue";
import { sendDueDeliveries } from "../../lib/newsletters/sending/worker";
import { siteConfig } from "../../lib/site-config";
import type { Actor } from "../../lib/permissions";
import { createSendableEdition } from "../fixtures/newsletter-edition";
import { createStaff } from "../fixtures/staff";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

let smtp: TestSmtp;
let editor: Actor;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ||= "newsletter-sending-test-secret";
  process.env.NEWSLETTER_SEND_RATE = "1000";
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  editor = await createStaff("EDITOR", "Sending editor");
});

afterAll(async () => {
  closeMailer();
  delete process.env.SMTP_URL;
  await smtp.stop();
});

beforeEach(() => smtp.clear());

const sentTo = (addresses: string[]) => addresses.flatMap((address) => smtp.to(address));

describe("sending an edition", () => {
  it("goes to the confirmed subscribers of that newsletter only, once each, and the edition ends SENT", async () => {
    const edition = await createSendableEdition(3, { pending: 1, unsubscribed: 1, bouncedSubscribers: 1, otherNewsletterOnly: 1 });
    expect(await queueEdition(editor, { editionId: edition.editionId, version: edition.version })).toEqual({ recipients: 3 });
    const report = await sendDueDeliveries();
    expect(report.sent).toBe(3);
    for (const address of edition.confirmed) expect(smtp.to(address)).toHaveLength(1);
    expect(sentTo(Object.values(edition.others).flat())).toHaveLength(0);
    const after = await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } });
    expect(after.status).toBe("SENT");
    expect(after.sentAt).toBeInstanceOf(Date);
  });

  it("carries the list headers, the sender, a stable Message-ID and both parts with the stories and the reader's links", async () => {
    const edition = await createSendableEdition(1);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    await sendDueDeliveries();
    const mail = await smtp.waitFor(edition.confirmed[0]);
    const host = new URL(siteConfig.url).hostname;
    const delivery = await db.delivery.findFirstOrThrow({ where: { editionId: edition.editionId } });
    expect(mail.parsed.from?.value[0]).toEqual({ name: "The Desk", address: "desk@news.example.org" });
    expect(mail.parsed.subject).toBe("Morning briefing");
    expect(mail.header("list-unsubscribe")).toMatch(/^<https?:\/\/[^>]+\/api\/newsletter\/unsubscribe\?token=[^>]+&list=[^>]+>$/);
    expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.header("list-id")).toBe(`<${edition.slug}.${host}>`);
    expect(mail.parsed.messageId).toBe(`<${delivery.id}@${host}>`);
    expect(delivery.messageId).toBe(`<${delivery.id}@${host}>`);
    for (const part of [mail.parsed.text ?? "", String(mail.parsed.html)]) {
      for (const story of edition.stories) {
        expect(part).toContain(story.headline);
        expect(part).toContain(`${siteConfig.url}${story.path}`);
      }
      expect(part).toMatch(/\/newsletter\/unsubscribe\?token=/);
      expect(part).toMatch(/\/newsletter\/preferences\?token=/);
    }
  });

  it("retries a temporary failure later, with back-off, and then delivers", async () => {
    const edition = await createSendableEdition(1);
    const [address] = edition.confirmed;
    smtp.refuse(address, "temporary", 1);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const first = await sendDueDeliveries();
    expect(first.retry).toBe(1);
    const waiting = await db.delivery.findFirstOrThrow({ where: { editionId: edition.editionId } });
    expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await sendDueDeliveries()).sent).toBe(0);
    const later = new Date(waiting.nextAttemptAt.getTime() + 1000);
    expect((await sendDueDeliveries({ now: () => later })).sent).toBe(1);
    expect(smtp.to(address)).toHaveLength(1);
    expect(await db.delivery.findFirstOrThrow({ where: { editionId: edition.editionId } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("marks a permanent failure bounced, and the subscriber with it, who gets no later edition", async () => {
    const edition = await createSendableEdition(2);
    const [gone, kept] = edition.confirmed;
    smtp.refuse(gone, "permanent");
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    expect(await sendDueDeliveries()).toMatchObject({ sent: 1, bounced: 1 });
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email: gone } });
    expect(subscriber.status).toBe("BOUNCED");
    expect(subscriber.bouncedAt).toBeInstanceOf(Date);
    expect(subscriber.bounceReason).toMatch(/550|no such user/);
    const next = await db.edition.create({
      data: {
        newsletterId: edition.newsletterId,
        subject: "Next",
        scheduledFor: new Date(),
        items: { create: (await db.editionItem.findMany({ where: { editionId: edition.editionId } })).map(({ articleId, position }) => ({ articleId, position })) },
      },
    });
    expect(await queueEdition(editor, { editionId: next.id, version: next.version })).toEqual({ recipients: 1 });
    await sendDueDeliveries();
    expect(smtp.to(kept)).toHaveLength(2);
    expect(smtp.to(gone)).toHaveLength(0);
  });

  it("skips a reader who unsubscribed after the edition was queued", async () => {
    const edition = await createSendableEdition(2);
    const [leaving, staying] = edition.confirmed;
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email: leaving } });
    await db.subscription.update({ where: { subscriberId_newsletterId: { subscriberId: subscriber.id, newsletterId: edition.newsletterId } }, data: { status: "UNSUBSCRIBED", unsubscribedAt: new Date() } });
    expect(await sendDueDeliveries()).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.to(leaving)).toHaveLength(0);
    expect(smtp.to(staying)).toHaveLength(1);
    expect(await db.delivery.findFirstOrThrow({ where: { subscriberId: subscriber.id } })).toMatchObject({ status: "SKIPPED" });
  });

  it("refuses to queue an edition that was already sent, and one at a stale version", async () => {
    const edition = await createSendableEdition(1);
    await expect(queueEdition(editor, { editionId: edition.editionId, version: edition.version + 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    await sendDueDeliveries();
    const sent = await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } });
    await expect(queueEdition(editor, { editionId: edition.editionId, version: sent.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already been sent/) });
    expect(await db.delivery.count({ where: { editionId: edition.editionId } })).toBe(1);
    expect(smtp.to(edition.confirmed[0])).toHaveLength(1);
  });

  it("lets two racing senders claim disjoint deliveries: each reader gets exactly one copy", async () => {
    const edition = await createSendableEdition(60);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const claims = await Promise.all([claimDeliveries(60, 60_000), claimDeliveries(60, 60_000), claimDeliveries(60, 60_000)]);
    const ids = claims.flat().map((claim) => claim.id);
    expect(new Set(ids).size).toBe(ids.length);
    await db.delivery.updateMany({ where: { editionId: edition.editionId }, data: { leaseUntil: null } });
    const reports = await Promise.all([sendDueDeliveries(), sendDueDeliveries()]);
    expect(reports[0].sent + reports[1].sent).toBe(60);
    expect(smtp.received).toHaveLength(60);
    for (const address of edition.confirmed) expect(smtp.to(address)).toHaveLength(1);
  });

  it("without SMTP_URL refuses to queue, says why, and claims nothing", async () => {
    const edition = await createSendableEdition(1);
    const queued = await createSendableEdition(1);
    await queueEdition(editor, { editionId: queued.editionId, version: queued.version });
    delete process.env.SMTP_URL;
    try {
      await expect(queueEdition(editor, { editionId: edition.editionId, version: edition.version })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("Email is not configured (SMTP_URL)"),
      });
      expect(await sendDueDeliveries()).toMatchObject({ sent: 0, lost: 0 });
      expect(await db.delivery.findFirstOrThrow({ where: { editionId: queued.editionId } })).toMatchObject({ status: "QUEUED", leaseUntil: null });
      expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "DRAFT" });
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    await sendDueDeliveries();
    expect(smtp.to(queued.confirmed[0])).toHaveLength(1);
  });
});
