// The send panel's commands below the screen: a test to oneself, scheduling (and the scheduler
// queueing what fell due), cancelling a schedule, the progress numbers, and who may do each.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { closeMailer } from "../../lib/newsletters/mailer";
import { editionProgress } from "../../lib/newsletters/sending/progress";
import { cancelSchedule, queueDueEditions, queueEdition, scheduleEdition } from "../../lib/newsletters/sending/queue";
import { sendTestEdition } from "../../lib/newsletters/sending/test-send";
import { sendDueDeliveries } from "../../lib/newsletters/sending/worker";
import type { Actor } from "../../lib/permissions";
import { createSendableEdition } from "../fixtures/newsletter-edition";
import { createStaff } from "../fixtures/staff";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

let smtp: TestSmtp;
let editor: Actor;
let contributor: Actor;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ||= "newsletter-controls-test-secret";
  process.env.NEWSLETTER_SEND_RATE = "1000";
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  editor = await createStaff("EDITOR", "Controls editor");
  contributor = await createStaff("CONTRIBUTOR", "Controls contributor");
});

afterAll(async () => {
  closeMailer();
  delete process.env.SMTP_URL;
  await smtp.stop();
});

beforeEach(() => smtp.clear());

describe("the send panel's commands", () => {
  it("sends a test marked [Test] to the editor's own address only, recording no delivery", async () => {
    const edition = await createSendableEdition(2);
    const { email } = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(await sendTestEdition(editor, { editionId: edition.editionId })).toEqual({ to: email });
    const mail = await smtp.waitFor(email);
    expect(mail.parsed.subject).toBe("[Test] Morning briefing");
    expect(mail.parsed.text).toContain(edition.stories[0].headline);
    expect(smtp.received).toHaveLength(1);
    expect(await db.delivery.count({ where: { editionId: edition.editionId } })).toBe(0);
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "DRAFT", version: edition.version });
  });

  it("schedules an edition, which the scheduler queues once it falls due, and can cancel a schedule", async () => {
    const edition = await createSendableEdition(1);
    const at = new Date(Date.now() + 3_600_000);
    await scheduleEdition(editor, { editionId: edition.editionId, version: edition.version, at: at.toISOString() });
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "SCHEDULED", scheduledFor: at, version: edition.version + 1 });
    expect((await queueDueEditions(new Date())).queued).not.toContain(edition.editionId);
    expect((await queueDueEditions(new Date(at.getTime() + 1000))).queued).toContain(edition.editionId);
    await sendDueDeliveries();
    expect(smtp.to(edition.confirmed[0])).toHaveLength(1);

    const other = await createSendableEdition(1);
    await scheduleEdition(editor, { editionId: other.editionId, version: other.version, at: at.toISOString() });
    await expect(cancelSchedule(editor, { editionId: other.editionId, version: other.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await cancelSchedule(editor, { editionId: other.editionId, version: other.version + 1 });
    expect(await db.edition.findUniqueOrThrow({ where: { id: other.editionId } })).toMatchObject({ status: "DRAFT" });
    expect((await queueDueEditions(new Date(at.getTime() + 1000))).queued).not.toContain(other.editionId);
    const audit = await db.auditEntry.findMany({ where: { entityId: other.editionId }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["edition.schedule", "edition.unschedule"]);
  });

  it("refuses a time in the past and a malformed one", async () => {
    const edition = await createSendableEdition(1);
    await expect(scheduleEdition(editor, { editionId: edition.editionId, version: edition.version, at: new Date(Date.now() - 60_000).toISOString() })).rejects.toMatchObject({ code: "INVALID" });
    await expect(scheduleEdition(editor, { editionId: edition.editionId, version: edition.version, at: "soon" })).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "DRAFT", version: edition.version });
  });

  it("counts the deliveries by state for the progress route", async () => {
    const edition = await createSendableEdition(3);
    smtp.refuse(edition.confirmed[0], "permanent");
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const queued = await editionProgress(editor, { editionId: edition.editionId });
    expect(queued).toMatchObject({ status: "SENDING", emailConfigured: true, counts: { total: 3, queued: 3, sent: 0 } });
    await sendDueDeliveries();
    expect(await editionProgress(editor, { editionId: edition.editionId })).toMatchObject({ status: "SENT", counts: { total: 3, queued: 0, sent: 2, bounced: 1, failed: 0, interrupted: 0 } });
  });

  it("lets only editors and admins send, and nobody signed out see the progress", async () => {
    const edition = await createSendableEdition(1);
    const input = { editionId: edition.editionId, version: edition.version };
    await expect(queueEdition(contributor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(scheduleEdition(contributor, { ...input, at: new Date(Date.now() + 60_000) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendTestEdition(contributor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editionProgress(contributor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editionProgress(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(editionProgress(editor, { editionId: "not an id" })).rejects.toMatchObject({ name: "ZodError" });
    expect(smtp.received).toHaveLength(0);
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "DRAFT" });
  });
});
