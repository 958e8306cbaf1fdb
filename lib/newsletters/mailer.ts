// The one way Pressbox sends email: nodemailer over SMTP_URL (smtp://user:pass@host:587,
// smtps://… for implicit TLS). Without SMTP_URL email is "not configured": callers say so and
// nothing pretends to send.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export type OutgoingMail = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  html?: string;
  text: string;
  // Extra headers (List-Unsubscribe, List-Unsubscribe-Post, List-Id…). Values must be one line.
  headers?: Record<string, string>;
  // A stable Message-ID (without angle brackets) so a resent copy is recognisably the same.
  messageId?: string;
};

export type SendResult = { messageId: string; response: string };

// Why a send failed: "temporary" (4xx, connection trouble: try again later) or "permanent"
// (5xx for this recipient: the address bounces).
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly kind: "temporary" | "permanent",
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

let transport: { url: string; transporter: Transporter } | null = null;

export function smtpUrl(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.SMTP_URL?.trim();
  return value ? value : null;
}

export function isEmailConfigured(): boolean {
  return smtpUrl() !== null;
}

// A pool of connections (one per concurrent sender: NEWSLETTER_SEND_CONCURRENCY) instead of a
// connection per message, and timeouts shorter than the sender's lease (five minutes by default),
// so a stalled relay fails the attempt before another instance could take the row over. Options
// the operator put in SMTP_URL's query win: nodemailer keeps the first value of each.
function pooledUrl(url: string): string {
  const connections = Math.min(32, Math.max(1, Math.floor(Number(process.env.NEWSLETTER_SEND_CONCURRENCY) || 4)));
  const defaults = `pool=true&maxConnections=${connections}&connectionTimeout=30000&greetingTimeout=30000&socketTimeout=120000`;
  return `${url}${url.includes("?") ? "&" : "?"}${defaults}`;
}

function transporter(): Transporter {
  const url = smtpUrl();
  if (!url) throw new MailSendError("Email is not configured: set SMTP_URL", "temporary");
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport(pooledUrl(url)) };
  }
  return transport.transporter;
}

function oneLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new MailSendError("A mail header may not contain a line break", "permanent");
  return value;
}

export async function sendMail(mail: OutgoingMail): Promise<SendResult> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(mail.headers ?? {})) headers[oneLine(name)] = oneLine(value);
  try {
    const info = await transporter().sendMail({
      from: { name: oneLine(mail.from.name), address: oneLine(mail.from.address) },
      to: oneLine(mail.to),
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      headers,
      messageId: mail.messageId ? `<${oneLine(mail.messageId)}>` : undefined,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return { messageId: String(info.messageId ?? ""), response: String(info.response ?? "") };
  } catch (error) {
    if (error instanceof MailSendError) throw error;
    const code = (error as { responseCode?: number }).responseCode;
    const kind = typeof code === "number" && code >= 500 ? "permanent" : "temporary";
    throw new MailSendError((error as Error).message, kind, code);
  }
}

// Closes the pooled connection (shutdown, tests that change SMTP_URL).
export function closeMailer(): void {
  transport?.transporter.close();
  transport = null;
}
