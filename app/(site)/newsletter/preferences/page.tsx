import type { Metadata } from "next";
import Link from "next/link";
import { readPreferences } from "@/lib/newsletters/subscribers/manage";

export const metadata: Metadata = { title: "Your newsletters", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; saved?: string | string[] }> };

// The signed link in every email opens this page: the subscriber's newsletters, to change or
// leave. The form posts to /api/newsletter/preferences with the same token.
export default async function NewsletterPreferencesPage({ searchParams }: Props) {
  const { token, saved } = await searchParams;
  const preferences = typeof token === "string" ? await readPreferences(token) : null;
  if (!preferences) {
    return (
      <section className="listing prose">
        <h1 className="listing-title">This link no longer works</h1>
        <p>It may be from before you left all our newsletters. If you still get emails from us, use the link in the newest one.</p>
        <p>
          <Link href="/newsletter">Our newsletters</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="listing prose">
      <h1 className="listing-title">Your newsletters</h1>
      {saved === "1" && <p role="status">Your choices are saved.</p>}
      <p>Sent to {preferences.email}.</p>
      <form method="post" action="/api/newsletter/preferences">
        <input type="hidden" name="token" value={token as string} />
        <fieldset>
          <legend>Send me</legend>
          {preferences.newsletters.map((newsletter) => (
            <p key={newsletter.id}>
              <label>
                <input type="checkbox" name="newsletter" value={newsletter.id} defaultChecked={newsletter.isSubscribed} /> {newsletter.name}
              </label>
              {newsletter.description && <span className="newsletter-consent"> {newsletter.description}</span>}
            </p>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button" name="action" value="save">
            Save my choices
          </button>{" "}
          <button type="submit" className="button button--quiet" name="action" value="leave-all">
            Unsubscribe from all
          </button>
        </p>
      </form>
    </section>
  );
}
