import type { Metadata } from "next";

export const metadata: Metadata = { title: "Newsletter" };

export default function NewsletterPage() {
  return (
    <section className="listing prose">
      <h1 className="listing-title">Our newsletter</h1>
      <p>
        The morning briefing brings the day&apos;s biggest sports stories to your inbox. Sign-ups are handled by the newsroom&apos;s mailing-list provider: set <code>NEWSLETTER_URL</code> to its sign-up page
        and every newsletter block in a story links there.
      </p>
    </section>
  );
}
