import type { Metadata } from "next";
import { formatDate } from "@/lib/format-date";
import { listArchivedNewsletters } from "@/lib/newsletters/editions/archive";

export const metadata: Metadata = { title: "Newsletter archive", alternates: { canonical: "/newsletter/archive" } };

export default async function NewsletterArchivePage() {
  const newsletters = await listArchivedNewsletters();
  return (
    <section className="listing" aria-labelledby="archive-heading">
      <header className="listing-header">
        <h1 id="archive-heading" className="listing-title">
          Newsletter archive
        </h1>
        <p className="listing-description">Past editions of our newsletters, as they went out.</p>
      </header>
      {newsletters.length === 0 ? (
        <p className="empty">No newsletter has been sent yet.</p>
      ) : (
        <ul className="story-cards">
          {newsletters.map((newsletter) => (
            <li key={newsletter.slug} className="story-card">
              <h2 className="story-card-headline">
                <a href={`/newsletter/archive/${newsletter.slug}`}>{newsletter.name}</a>
              </h2>
              {newsletter.description && <p className="standfirst">{newsletter.description}</p>}
              <p className="story-card-meta">
                {newsletter.editions} {newsletter.editions === 1 ? "edition" : "editions"}
                {newsletter.lastSentAt && <>, the latest on {formatDate(newsletter.lastSentAt.toISOString())}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
