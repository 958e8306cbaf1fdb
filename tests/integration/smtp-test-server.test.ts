// The test SMTP server records what a real client (nodemailer) sends, and refuses on request.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

describe("test SMTP server", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(async () => smtp.stop());

  it("records a message with its headers and both parts", async () => {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: "Desk <desk@example.org>", to: "reader@example.org", subject: "Hello", text: "plain", html: "<p>rich</p>", headers: { "List-Id": "<morning.example.org>" } });
    const mail = await smtp.waitFor("reader@example.org");
    expect(mail.parsed.subject).toBe("Hello");
    expect(mail.parsed.text?.trim()).toBe("plain");
    expect(mail.parsed.html).toContain("<p>rich</p>");
    expect(mail.header("list-id")).toBe("<morning.example.org>");
  });

  it("refuses permanently with 550 and temporarily with 451", async () => {
    smtp.refuse("gone@example.org", "permanent");
    smtp.refuse("busy@example.org", "temporary", 1);
    const transport = nodemailer.createTransport(smtp.url);
    await expect(transport.sendMail({ from: "d@example.org", to: "gone@example.org", text: "x" })).rejects.toMatchObject({ responseCode: 550 });
    await expect(transport.sendMail({ from: "d@example.org", to: "busy@example.org", text: "x" })).rejects.toMatchObject({ responseCode: 451 });
    await transport.sendMail({ from: "d@example.org", to: "busy@example.org", text: "x" });
    expect(smtp.to("busy@example.org")).toHaveLength(1);
    expect(smtp.to("gone@example.org")).toHaveLength(0);
  });
});
