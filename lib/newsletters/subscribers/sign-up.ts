// A reader signs up (double opt-in): the address is stored as pending with the consent it was
// given, and a confirmation email goes out. Only confirm() makes anyone a subscriber.
//
// No enumeration: every address gets the same answer, whatever its state (new, pending,
// confirmed, unsubscribed, bounced, erased). The email is sent after the answer (the route's
// after()), so the answer's timing does not depend on whether one is sent either.
// Decisions:
// - An erased address (ErasedSubscriber) may sign up again: that is the person's own, fresh
//   consent. Its hash stays until the sign-up is confirmed (confirm() removes it), so an
//   unconfirmed sign-up by someone else does not undo the erasure.
// - A bounced address may sign up again and is sent a confirmation: confirming proves the
//   mailbox works again and clears the bounce. Until then it stays BOUNCED (no editions).
// - A sign-up never changes an existing subscriber's status or a confirmed subscription: anyone
//   can type anyone's address. It only adds or renews a pending subscription.
import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";
import { recordAudit } from "../../audit/record";
import { isRecordId } from "../../editor/record-id";
import { isUniqueViolation } from "../../concurrency";
import { hitWindow } from "../../rate-limit/window";
import { siteConfig } from "../../site-config";
import { subscriberAddress, erasedAddressHash } from "../address";
import { confirmLink, manageLink } from "../links";
import { isEmailConfigured, sendMail } from "../mailer";
import { mainNewsletter, newsletterById, type NewsletterOffer } from "../queries";
import { renderConfirmationEmail } from "./confirmation-email";
import { signUpLimits, type SignUpLimits } from "./limits";

export type SignUpInput = { email: unknown; newsletterId?: unknown; sourceArticleId?: unknown; ip: string; honeypot?: unknown };

// `message`: what the reader is told (the same for every address). `send`: the confirmation
// email to send once the answer is out, or null (a bot, throttled, or email not configured).
export type SignUpOutcome = { newsletter: { id: string; name: string }; message: string; send: (() => Promise<void>) | null };

const Fields = z.object({ email: subscriberAddress });

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", `Too many sign-ups from here just now. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}

async function offeredNewsletter(newsletterId: unknown): Promise<NewsletterOffer> {
  if (newsletterId === undefined || newsletterId === null || newsletterId === "") {
    const main = await mainNewsletter();
    if (!main) throw new AppError("INVALID", "There is no newsletter to sign up to right now.", { field: "newsletterId" });
    return main;
  }
  const newsletter = isRecordId(newsletterId) ? await newsletterById(newsletterId) : null;
  if (!newsletter || newsletter.isArchived) throw new AppError("INVALID", "That newsletter is no longer offered. Choose another on the newsletter page.", { field: "newsletterId" });
  return newsletter;
}

export function signUpMessage(newsletter: { name: string }, isSending = isEmailConfigured()): string {
  return isSending
    ? `Nearly done: check your inbox. We have sent a link to confirm your subscription to ${newsletter.name}.`
    : `Thank you. Your sign-up to ${newsletter.name} is noted, but we cannot send the confirmation email just now. Please try again later.`;
}

export async function signUp(input: SignUpInput, limits: SignUpLimits = signUpLimits()): Promise<SignUpOutcome> {
  const byIp = await hitWindow(`newsletter-signup-ip:${input.ip}`, limits.perIp);
  if (!byIp.allowed) throw tooMany(byIp.retryAfterSeconds);
  const parsed = Fields.safeParse({ email: input.email });
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Enter a valid email address.", { field: "email" });
  const { email } = parsed.data;
  const newsletter = await offeredNewsletter(input.newsletterId);
  const answer = { id: newsletter.id, name: newsletter.name };
  const message = signUpMessage(newsletter);
  // A bot filled the field people never see: it is told what people are told, and nothing is stored.
  if (typeof input.honeypot === "string" && input.honeypot !== "") return { newsletter: answer, message, send: null };
  const byAddress = await hitWindow(`newsletter-signup-address:${email}`, limits.perAddress);
  if (!byAddress.allowed) throw tooMany(byAddress.retryAfterSeconds);

  const sourceArticleId = isRecordId(input.sourceArticleId) ? input.sourceArticleId : null;
  const request = { email, newsletter, sourceArticleId, ip: input.ip };
  // Two sign-ups of one new address at once: the second finds the first's row on its retry.
  const subscriber = await storePendingSignUp(request).catch((error: unknown) => (isUniqueViolation(error) ? storePendingSignUp(request) : Promise.reject(error)));
  if (!isEmailConfigured()) {
    console.warn(`[newsletters] email is not configured (SMTP_URL): sign-up to ${newsletter.slug} stored as pending, no confirmation sent`);
    return { newsletter: answer, message, send: null };
  }
  const mayEmail = await hitWindow(`newsletter-confirmation:${email}`, limits.confirmationEmail);
  if (!mayEmail.allowed) return { newsletter: answer, message, send: null };
  return { newsletter: answer, message, send: () => sendConfirmation(email, subscriber, newsletter) };
}

type StoredSignUp = { id: string; tokenVersion: number; isAlreadySubscribed: boolean };

async function storePendingSignUp(input: { email: string; newsletter: NewsletterOffer; sourceArticleId: string | null; ip: string }): Promise<StoredSignUp> {
  const { email, newsletter, sourceArticleId, ip } = input;
  const now = new Date();
  const consent = { consentText: newsletter.consentText, consentAt: now };
  const wasErased = (await db.erasedSubscriber.count({ where: { hash: erasedAddressHash(email) } })) > 0;
  return db.$transaction(async (tx) => {
    const existing = await tx.subscriber.findUnique({ where: { email }, select: { id: true, status: true, tokenVersion: true } });
    const subscriber = existing ?? (await tx.subscriber.create({ data: { email, status: "PENDING", sourceArticleId, signupIp: ip, ...consent }, select: { id: true, status: true, tokenVersion: true } }));
    // A pending subscriber's record tells of the latest request; anyone else's is left alone.
    if (existing?.status === "PENDING") await tx.subscriber.update({ where: { id: existing.id }, data: { sourceArticleId, signupIp: ip, ...consent } });
    const key = { subscriberId_newsletterId: { subscriberId: subscriber.id, newsletterId: newsletter.id } };
    const subscription = await tx.subscription.findUnique({ where: key, select: { status: true } });
    const isAlreadySubscribed = subscription?.status === "CONFIRMED" && subscriber.status === "CONFIRMED";
    if (!subscription) await tx.subscription.create({ data: { subscriberId: subscriber.id, newsletterId: newsletter.id, status: "PENDING", sourceArticleId, ...consent } });
    else if (subscription.status !== "CONFIRMED") await tx.subscription.update({ where: key, data: { status: "PENDING", sourceArticleId, ...consent } });
    await recordAudit(tx, {
      actorId: null,
      action: "subscriber.sign-up",
      entityType: "Subscriber",
      entityId: subscriber.id,
      ip,
      details: { newsletterId: newsletter.id, subscriptionWas: subscription?.status ?? null, isNew: !existing, wasErased, sourceArticleId },
    });
    return { id: subscriber.id, tokenVersion: subscriber.tokenVersion, isAlreadySubscribed };
  });
}

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");

async function sendConfirmation(email: string, subscriber: StoredSignUp, newsletter: NewsletterOffer): Promise<void> {
  const link = subscriber.isAlreadySubscribed ? manageLink(subscriber) : confirmLink(subscriber, newsletter.id);
  const mail = await renderConfirmationEmail({ siteName: siteConfig.name, newsletterName: newsletter.name, link, isAlreadySubscribed: subscriber.isAlreadySubscribed });
  try {
    await sendMail({ from: { name: oneLine(newsletter.senderName), address: oneLine(newsletter.senderAddress) }, to: email, subject: oneLine(mail.subject), html: mail.html, text: mail.text });
  } catch (error) {
    // The reader already has their answer; the newsroom's log says why no email came.
    console.error(`[newsletters] the confirmation email for ${newsletter.slug} could not be sent: ${(error as Error).message}`);
  }
}
