// One recipient's copy of an edition as it goes to the relay: the composer's subject and parts,
// the newsletter as sender, and the list headers mail clients use (RFC 2919 List-Id, RFC 8058
// one-click List-Unsubscribe). Shared by real deliveries and "send a test to me".
import "server-only";
import { siteConfig } from "../../site-config";
import { isSendableAddress } from "../address";
import { manageLink, oneClickUnsubscribeUrl, unsubscribeLink } from "../links";
import type { OutgoingMail } from "../mailer";
import type { EmailRecipient, PreparedEdition } from "../types";

export function siteHost(): string {
  return new URL(siteConfig.url).hostname;
}

export function recipientOf(subscriber: { id: string; email: string; tokenVersion: number }, newsletterId: string): EmailRecipient {
  return {
    subscriberId: subscriber.id,
    email: subscriber.email,
    manageUrl: manageLink(subscriber),
    unsubscribeUrl: unsubscribeLink(subscriber, newsletterId),
    oneClickUnsubscribeUrl: oneClickUnsubscribeUrl(subscriber, newsletterId),
  };
}

// `messageId`: stable per delivery (`<delivery-id@site-host>`), so a copy that went out twice
// despite everything is recognisably the same message (receivers collapse duplicates by it).
export function editionMail(edition: PreparedEdition, recipient: EmailRecipient, options: { messageId?: string; subjectPrefix?: string } = {}): OutgoingMail {
  const email = edition.compose(recipient);
  const { newsletter } = edition;
  return {
    from: { name: newsletter.senderName, address: newsletter.senderAddress },
    to: recipient.email,
    subject: `${options.subjectPrefix ?? ""}${email.subject}`,
    html: email.html,
    text: email.text,
    headers: {
      "List-Unsubscribe": `<${recipient.oneClickUnsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `<${newsletter.slug}.${siteHost()}>`,
    },
    messageId: options.messageId,
  };
}

// What would make a message unsendable whoever it goes to: a line break in the sender or subject
// (it would end the header and start another) or an address Pressbox does not send to. Checked
// before queueing and before each send; the mailer refuses them too.
export function mailProblem(mail: Pick<OutgoingMail, "from" | "to" | "subject">): string | null {
  if (/[\r\n]/.test(`${mail.from.name}${mail.from.address}${mail.subject}`)) return "The sender's name or address or the subject contains a line break.";
  if (!isSendableAddress(mail.from.address)) return `The sender address "${mail.from.address}" is not a valid email address.`;
  if (!isSendableAddress(mail.to)) return "The recipient's address is not one Pressbox sends to.";
  return null;
}
