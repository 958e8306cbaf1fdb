import type { Metadata } from "next";
import Link from "next/link";
import { readPreferences } from "@/lib/newsletters/subscribers/manage";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; list?: string | string[]; result?: string | string[] }> };

const RESULTS: Record<string, { title: string; text: string }> = {
  left: { title: "You have been unsubscribed", text: "You will get no more emails from that newsletter." },
  "left-all": { title: "You have left all our newsletters", text: "You will get no more newsletters from us, and the links in earlier emails no longer work." },
  invalid: { title: "This link no longer works", text: "It may be from before you left all our newsletters. If you still get emails from us, use the link in the newest one." },
};

function Message({ title, text }: { title: string; text: string }) {
  return (
    <section className="listing prose">
      <h1 className="listing-title">{title}</h1>
      <p role="status">{text}</p>
      <p>
        <Link href="/newsletter">Our newsletters</Link>
      </p>
    </section>
  );
}

// The unsubscribe link in an email's body opens this page. A GET shows one button; only the
// button's POST (/api/newsletter/unsubscribe) unsubscribes.
export default async function NewsletterUnsubscribePage({ searchParams }: Props) {
  const { token, list, result } = await searchParams;
  if (typeof result === "string" && RESULTS[result]) return <Message {...RESULTS[result]} />;
  const preferences = typeof token === "string" ? await readPreferences(token) : null;
  if (!preferences) return <Message {...RESULTS.invalid} />;
  const newsletter = preferences.newsletters.find((n) => n.id === list && n.isSubscribed);
  const manage = `/newsletter/preferences?token=${encodeURIComponent(token as string)}`;
  return (
    <section className="listing prose">
      <h1 className="listing-title">Unsubscribe</h1>
      <p>{newsletter ? `Stop sending ${newsletter.name} to ${preferences.email}?` : `Stop sending our newsletters to ${preferences.email}?`}</p>
      <form method="post" action="/api/newsletter/unsubscribe">
        <input type="hidden" name="token" value={token as string} />
        {newsletter ? <input type="hidden" name="list" value={newsletter.id} /> : <input type="hidden" name="scope" value="all" />}
        <button type="submit" className="button">
          {newsletter ? `Unsubscribe from ${newsletter.name}` : "Unsubscribe from all"}
        </button>
      </form>
      <p>
        <Link href={manage}>Choose which newsletters you get instead</Link>
      </p>
    </section>
  );
}
