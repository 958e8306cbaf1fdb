// The LiveBlogPosting that sits beside a live story's NewsArticle (article-json-ld.tsx): when the
// coverage runs, what it is about (a SportsEvent when a match is set) and each entry as a
// liveBlogUpdate with its own anchor. The end time appears only once the coverage has ended.
import type { ArticlePage } from "@/lib/articles/page/article-page";
import type { LivePage } from "@/lib/live/page";
import type { LiveMatchView } from "@/lib/live/views";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { entryAnchor, entryHeadline } from "@/lib/live/headline";

function sportsEvent(match: LiveMatchView) {
  return {
    "@type": "SportsEvent",
    name: `${match.home} v ${match.away}`,
    startDate: match.kickoff ?? undefined,
    location: match.venue ? { "@type": "Place", name: match.venue } : undefined,
    superEvent: match.competition ? { "@type": "SportsEvent", name: match.competition } : undefined,
    homeTeam: { "@type": "SportsTeam", name: match.home },
    awayTeam: { "@type": "SportsTeam", name: match.away },
  };
}

// The latest of the story's own change and its entries' (an entry edit moves it too).
export function liveModifiedAt(article: Pick<ArticlePage, "updatedAt">, live: Pick<LivePage, "entries" | "coverage">): string {
  const times = [article.updatedAt, live.coverage.updatedAt, ...live.entries.map((entry) => entry.updatedAt)];
  return times.reduce((latest, time) => (time > latest ? time : latest));
}

export function liveBlogJsonLd(article: ArticlePage, live: LivePage) {
  const url = absoluteUrl(article.href);
  const { coverage } = live;
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    headline: article.headline,
    description: article.standfirst || undefined,
    url,
    mainEntityOfPage: url,
    datePublished: article.publishedAt,
    dateModified: liveModifiedAt(article, live),
    coverageStartTime: coverage.startsAt ?? article.publishedAt,
    coverageEndTime: coverage.status === "ENDED" ? (coverage.endsAt ?? undefined) : undefined,
    about: coverage.match ? sportsEvent(coverage.match) : undefined,
    publisher: { "@type": "NewsMediaOrganization", name: siteConfig.name, url: siteConfig.url, logo: { "@type": "ImageObject", url: absoluteUrl("/icon.svg") } },
    liveBlogUpdate: live.entries.map((entry) => ({
      "@type": "BlogPosting",
      headline: entryHeadline(entry),
      datePublished: entry.postedAt,
      dateModified: entry.updatedAt,
      articleBody: entry.bodyText,
      url: `${url}#${entryAnchor(entry.id)}`,
      author: entry.authors.map((author) => ({ "@type": "Person", name: author.name, url: absoluteUrl(`/author/${author.slug}`) })),
    })),
  };
}
