// The reader side of newsletters on a real database and a real SMTP server: double opt-in, the
// same answer for every address, the bot trap, rate limits, signed links (expiry, purpose,
// revocation), leaving one list or all (and RFC 8058's one-click POST), erased addresses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { erasedAddressHash } from "../../lib/newsletters/address";
import { confirmLink, manageLink, oneClickUnsubscribeUrl, signLinkToken } from "../../lib/newsletters/links";
import { closeMailer } from "../../lib/newsletters/mailer";
import { confirm, readConfirmToken } from "../../lib/newsletters/subscribers/confirm";
import { readPreferences, unsubscribe, updatePreferences } from "../../lib/newsletters/subscribers/manage";
import { signUp, type SignUpInput } from "../../lib/newsletters/subscribers/sign-up";
import { signUpLimits, type SignUpLimits } from "../../lib/newsletters/subscribers/limits";
import { resetLocalWindows } from "../../lib/rate-limit/window";
import { POST as unsubscribePost, GET as unsubscribeGet } from "../../app/api/newsletter/unsubscribe/route";
import { TEST_AUTH_SECRET } from "../fixtures/accounts";
import { createTestNewsletter, freshIp, testAddress, type TestNewsletter } from "../fixtures/newsletters";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

let smtp: TestSmtp;
let morning: TestNewsletter;
let olympics: TestNewsletter;
// Generous limits, so tests that are not about limits never meet one.
const OPEN: SignUpLimits = { perIp: { limit: 1000, windowMs: 60_000 }, perAddress: { limit: 1000, windowMs: 60_000 }, confirmationEmail: { limit: 1000, windowMs: 60_000 } };

const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

async function signUpAndSend(input: Partial<SignUpInput> & { email: string }, limits = OPEN) {
  const outcome = await signUp({ newsletterId: morning.id, ip: freshIp(), ...input }, limits);
  await outcome.send?.();
  return outcome;
}

async function confirmedSubscriber(email: string, newsletter = morning) {
  await signUpAndSend({ email, newsletterId: newsletter.id });
  const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email } });
  expect((await confirm(tokenOf(confirmLink(subscriber, newsletter.id)), "203.0.113.9")).status).toBe("confirmed");
  return db.subscriber.findUniqueOrThrow({ where: { email } });
}

const subscription = (subscriberId: string, newsletterId: string) => db.subscription.findUnique({ where: { subscriberId_newsletterId: { subscriberId, newsletterId } } });

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  morning = await createTestNewsletter({ name: "Morning briefing" });
  olympics = await createTestNewsletter({ name: "Olympics daily" });
});

beforeEach(() => {
  process.env.SMTP_URL = smtp.url;
  resetLocalWindows();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  closeMailer();
  await smtp?.stop();
});

describe("double opt-in", () => {
  it("stores a pending subscriber, mails a working confirmation link from the newsletter's sender, and only the confirmation subscribes", async () => {
    const email = testAddress();
    const outcome = await signUpAndSend({ email: `  ${email.toUpperCase()} `, sourceArticleId: "cstorysource000000000001", ip: "192.0.2.10" });
    expect(outcome.message).toContain("check your inbox");
    const pending = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(pending).toMatchObject({ status: "PENDING", signupIp: "192.0.2.10", sourceArticleId: "cstorysource000000000001", consentText: morning.consentText, confirmedAt: null });
    expect(await subscription(pending.id, morning.id)).toMatchObject({ status: "PENDING", consentText: morning.consentText });
    expect(await db.subscription.count({ where: { subscriberId: pending.id, status: "CONFIRMED" } })).toBe(0);

    const mail = await smtp.waitFor(email);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: morning.senderAddress, name: "Pressbox Sport desk" });
    expect(mail.parsed.subject).toBe("Confirm your subscription to Morning briefing");
    const link = /https?:\/\/\S+\/newsletter\/confirm\?token=[\w.-]+/.exec(mail.parsed.text ?? "")?.[0];
    expect(link).toBeDefined();
    expect(mail.parsed.html).toContain(link!.replace(/&/g, "&amp;"));

    expect(await readConfirmToken(tokenOf(link!))).toEqual({ newsletterName: "Morning briefing", isConfirmed: false });
    expect(await confirm(tokenOf(link!), "203.0.113.7")).toEqual({ status: "confirmed", newsletterName: "Morning briefing" });
    const confirmed = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(confirmed).toMatchObject({ status: "CONFIRMED", confirmIp: "203.0.113.7" });
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(await subscription(pending.id, morning.id)).toMatchObject({ status: "CONFIRMED" });
    // Pressing the button again changes nothing and says the same.
    expect(await confirm(tokenOf(link!), "203.0.113.8")).toEqual({ status: "confirmed", newsletterName: "Morning briefing" });
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).confirmIp).toBe("203.0.113.7");
    const audit = await db.auditEntry.findMany({ where: { entityType: "Subscriber", entityId: pending.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["subscriber.sign-up", null],
      ["subscriber.confirm", null],
    ]);
  });

  it("refuses a bad address with a message and stores nothing", async () => {
    for (const email of ["not-an-address", "a@b", "x@example.org\r\nBcc: victim@example.org", "", 42]) {
      await expect(signUp({ email, newsletterId: morning.id, ip: freshIp() }, OPEN)).rejects.toMatchObject({ code: "INVALID", status: 422 });
    }
    expect(await db.subscriber.count({ where: { email: { contains: "victim" } } })).toBe(0);
  });

  it("refuses an archived or unknown newsletter", async () => {
    const archived = await createTestNewsletter({ isArchived: true });
    for (const newsletterId of [archived.id, "cnosuchnewsletter0000001", "../../etc"]) {
      await expect(signUp({ email: testAddress(), newsletterId, ip: freshIp() }, OPEN)).rejects.toMatchObject({ code: "INVALID" });
    }
  });
});

describe("no enumeration", () => {
  it("answers the same for a new, pending, confirmed, unsubscribed, bounced and erased address, and changes no one's status", async () => {
    const pending = testAddress("pending");
    await signUpAndSend({ email: pending });
    const confirmed = (await confirmedSubscriber(testAddress("confirmed"))).email;
    const left = await confirmedSubscriber(testAddress("left"));
    await unsubscribe(tokenOf(manageLink(left)), null, "203.0.113.1");
    const bounced = await confirmedSubscriber(testAddress("bounced"));
    await db.subscriber.update({ where: { id: bounced.id }, data: { status: "BOUNCED", bouncedAt: new Date() } });
    const erased = testAddress("erased");
    await db.erasedSubscriber.create({ data: { hash: erasedAddressHash(erased) } });

    const answers = [];
    for (const email of [testAddress("new"), pending, confirmed, left.email, bounced.email, erased]) {
      const outcome = await signUp({ email, newsletterId: morning.id, ip: freshIp() }, OPEN);
      answers.push({ message: outcome.message, newsletter: outcome.newsletter, sends: outcome.send !== null });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: confirmed } })).status).toBe("CONFIRMED");
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: left.email } })).status).toBe("UNSUBSCRIBED");
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: bounced.email } })).status).toBe("BOUNCED");
  });

  it("sends an already-confirmed subscriber a note with their preferences link, not a new subscription", async () => {
    const subscriber = await confirmedSubscriber(testAddress("again"));
    smtp.clear();
    await signUpAndSend({ email: subscriber.email });
    const mail = await smtp.waitFor(subscriber.email);
    expect(mail.parsed.subject).toBe("You already get Morning briefing");
    expect(mail.parsed.text).toContain("/newsletter/preferences?token=");
  });

  it("sends at most one confirmation email per address in ten minutes, however often it is signed up", async () => {
    const email = testAddress("spammed");
    const limits = { ...signUpLimits({}), perIp: OPEN.perIp };
    for (let i = 0; i < 4; i += 1) await signUpAndSend({ email }, limits);
    await smtp.waitFor(email);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.to(email)).toHaveLength(1);
  });
});

describe("bots and floods", () => {
  it("tells a bot that filled the hidden field what people are told, and stores nothing", async () => {
    const email = testAddress("bot");
    const person = await signUp({ email: testAddress(), newsletterId: morning.id, ip: freshIp() }, OPEN);
    const bot = await signUp({ email, newsletterId: morning.id, ip: freshIp(), honeypot: "http://spam.example" }, OPEN);
    expect(bot.message).toBe(person.message);
    expect(bot.send).toBeNull();
    expect(await db.subscriber.count({ where: { email } })).toBe(0);
  });

  it("limits sign-ups per IP (any address) and per address (any IP), with a time to wait", async () => {
    const limits: SignUpLimits = { ...OPEN, perIp: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 2, windowMs: 60_000 } };
    const ip = freshIp();
    for (let i = 0; i < 3; i += 1) await signUp({ email: testAddress(), newsletterId: morning.id, ip }, limits);
    await expect(signUp({ email: testAddress(), newsletterId: morning.id, ip }, limits)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: expect.any(Number) } });
    // Invalid addresses count against the IP too.
    await expect(signUp({ email: "junk", newsletterId: morning.id, ip }, limits)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });

    const email = testAddress("popular");
    await signUp({ email, newsletterId: morning.id, ip: freshIp() }, limits);
    await signUp({ email, newsletterId: morning.id, ip: freshIp() }, limits);
    await expect(signUp({ email: email.toUpperCase(), newsletterId: morning.id, ip: freshIp() }, limits)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("signed links", () => {
  it("refuses expired, forged and other-purpose tokens, and links made before the subscriber's links were revoked", async () => {
    const email = testAddress("links");
    await signUpAndSend({ email });
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email } });
    const expired = tokenOf(confirmLink(subscriber, morning.id, new Date(Date.now() - 49 * 3600 * 1000)));
    const good = tokenOf(confirmLink(subscriber, morning.id));
    const forged = `${good.split(".")[0]}.${"A".repeat(43)}`;
    const otherSubscriber = `${Buffer.from(JSON.stringify({ s: "cother00000000000000000001", v: 1, n: morning.id, e: 9e9 })).toString("base64url")}.${good.split(".")[1]}`;
    const manageAsConfirm = signLinkToken("manage", { s: subscriber.id, v: subscriber.tokenVersion, n: morning.id, e: 9e9 });
    for (const token of [expired, forged, otherSubscriber, manageAsConfirm, "", "a.b.c", "x".repeat(5000)]) {
      expect(await confirm(token, "203.0.113.2")).toEqual({ status: "invalid" });
      expect(await readConfirmToken(token)).toBeNull();
    }
    expect(await readPreferences(good)).toBeNull();
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("PENDING");

    await db.subscriber.update({ where: { id: subscriber.id }, data: { tokenVersion: { increment: 1 } } });
    expect(await confirm(good, "203.0.113.2")).toEqual({ status: "invalid" });
  });
});

describe("leaving", () => {
  it("leaves one newsletter, then all of them, which revokes every earlier link", async () => {
    const email = testAddress("leaver");
    await confirmedSubscriber(email, morning);
    const subscriber = await confirmedSubscriber(email, olympics);
    const manage = tokenOf(manageLink(subscriber));
    const oldConfirm = tokenOf(confirmLink(subscriber, morning.id, new Date(Date.now() - 1000)));

    expect(await unsubscribe(manage, morning.id, "203.0.113.3")).toEqual({ status: "done", left: ["Morning briefing"] });
    expect(await subscription(subscriber.id, morning.id)).toMatchObject({ status: "UNSUBSCRIBED" });
    expect(await subscription(subscriber.id, olympics.id)).toMatchObject({ status: "CONFIRMED" });
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("CONFIRMED");
    // A confirmation link from before leaving does not sign the reader up again.
    expect(await confirm(oldConfirm, "203.0.113.3")).toEqual({ status: "invalid" });
    expect(await unsubscribe(manage, morning.id, "203.0.113.3")).toEqual({ status: "done", left: [] });

    expect(await unsubscribe(manage, null, "203.0.113.3")).toEqual({ status: "done", left: ["Olympics daily"] });
    const gone = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(gone).toMatchObject({ status: "UNSUBSCRIBED", tokenVersion: subscriber.tokenVersion + 1 });
    expect(await readPreferences(manage)).toBeNull();
    expect(await unsubscribe(manage, null, "203.0.113.3")).toEqual({ status: "invalid" });
    const actions = (await db.auditEntry.findMany({ where: { entityType: "Subscriber", entityId: subscriber.id }, select: { action: true } })).map((e) => e.action);
    expect(actions.filter((a) => a === "subscriber.unsubscribe")).toHaveLength(2);
  });

  it("changes newsletters from the preferences page", async () => {
    const subscriber = await confirmedSubscriber(testAddress("chooser"), morning);
    const manage = tokenOf(manageLink(subscriber));
    expect(await updatePreferences(manage, [olympics.id, "not-an-id"], "203.0.113.4")).toBe("saved");
    const preferences = await readPreferences(manage);
    expect(preferences?.newsletters.filter((n) => n.isSubscribed).map((n) => n.id)).toEqual([olympics.id]);
    expect(await subscription(subscriber.id, olympics.id)).toMatchObject({ status: "CONFIRMED", consentText: olympics.consentText });
    expect(await updatePreferences(manage, [], "203.0.113.4")).toBe("left-all");
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe("UNSUBSCRIBED");
  });

  it("unsubscribes at once on an RFC 8058 one-click POST, and never on a GET", async () => {
    const subscriber = await confirmedSubscriber(testAddress("oneclick"), morning);
    const url = oneClickUnsubscribeUrl(subscriber, morning.id);
    const get = await unsubscribeGet(new Request(url));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toMatch(/^\/newsletter\/unsubscribe\?token=/);
    expect(await subscription(subscriber.id, morning.id)).toMatchObject({ status: "CONFIRMED" });

    const post = () => unsubscribePost(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    expect((await post()).status).toBe(200);
    expect(await subscription(subscriber.id, morning.id)).toMatchObject({ status: "UNSUBSCRIBED" });
    expect((await post()).status).toBe(200);
    const forged = await unsubscribePost(
      new Request(url.replace(/token=[^&]+/, "token=forged.token"), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
    );
    expect(forged.status).toBe(400);
    const wrongType = await unsubscribePost(new Request(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "List-Unsubscribe=One-Click" }));
    expect(wrongType.status).toBe(415);
  });
});

describe("erased and bounced addresses", () => {
  it("lets an erased address sign up again with fresh consent, and removes its hash only on confirmation", async () => {
    const email = testAddress("erased");
    const hash = erasedAddressHash(email);
    await db.erasedSubscriber.create({ data: { hash } });
    await signUpAndSend({ email });
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(subscriber.status).toBe("PENDING");
    expect(await db.erasedSubscriber.count({ where: { hash } })).toBe(1);
    await confirm(tokenOf(confirmLink(subscriber, morning.id)), "203.0.113.5");
    expect(await db.erasedSubscriber.count({ where: { hash } })).toBe(0);
    const entry = await db.auditEntry.findFirst({ where: { entityId: subscriber.id, action: "subscriber.confirm" } });
    expect(entry?.details).toMatchObject({ erasedHashRemoved: true });
  });

  it("sends a bounced address a confirmation; confirming clears the bounce", async () => {
    const bounced = await confirmedSubscriber(testAddress("bounce"));
    await db.subscriber.update({ where: { id: bounced.id }, data: { status: "BOUNCED", bouncedAt: new Date(), bounceReason: "550 no such user" } });
    smtp.clear();
    await signUpAndSend({ email: bounced.email, newsletterId: olympics.id });
    const mail = await smtp.waitFor(bounced.email);
    const link = /https?:\/\/\S+\/newsletter\/confirm\?token=[\w.-]+/.exec(mail.parsed.text ?? "")![0];
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: bounced.id } })).status).toBe("BOUNCED");
    await confirm(tokenOf(link), "203.0.113.6");
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: bounced.id } })).toMatchObject({ status: "CONFIRMED", bouncedAt: null, bounceReason: null });
  });
});

describe("without SMTP_URL", () => {
  it("stores the pending sign-up, sends nothing, and does not claim an email was sent", async () => {
    delete process.env.SMTP_URL;
    const email = testAddress("offline");
    const before = smtp.received.length;
    const outcome = await signUp({ email, newsletterId: morning.id, ip: freshIp() }, OPEN);
    expect(outcome.send).toBeNull();
    expect(outcome.message).not.toContain("check your inbox");
    expect(outcome.message).toContain("cannot send the confirmation email");
    expect(await db.subscriber.findUniqueOrThrow({ where: { email } })).toMatchObject({ status: "PENDING" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received.length).toBe(before);
  });
});
