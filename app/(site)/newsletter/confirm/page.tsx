import type { Metadata } from "next";
import Link from "next/link";
import { readConfirmToken } from "@/lib/newsletters/subscribers/confirm";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; done?: string | string[] }> };

// The link in the confirmation email opens this page; the button confirms (a GET never does:
// mail scanners open links, and only a person should confirm).
export default async function NewsletterConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? await readConfirmToken(token) : null;
  if (!link) {
    return (
      <section className="listing prose">
        <h1 className="listing-title">This link no longer works</h1>
        <p>Confirmation links work for 48 hours, and only the newest one sent to you. Please sign up again and use the link in the new email.</p>
        <p>
          <Link href="/newsletter">Sign up again</Link>
        </p>
      </section>
    );
  }
  if (link.isConfirmed) {
    return (
      <section className="listing prose">
        <h1 className="listing-title">You are subscribed</h1>
        <p role="status">Thank you: {link.newsletterName} will arrive in your inbox. Every email has a link to change your newsletters or leave.</p>
        <p>
          <Link href="/">Back to the front page</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="listing prose">
      <h1 className="listing-title">Confirm your subscription</h1>
      <p>Press the button to start getting {link.newsletterName}.</p>
      <form method="post" action="/api/newsletter/confirm">
        <input type="hidden" name="token" value={token as string} />
        <button type="submit" className="button">
          Yes, subscribe me
        </button>
      </form>
    </section>
  );
}
