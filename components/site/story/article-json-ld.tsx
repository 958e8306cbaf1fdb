import type { ArticlePage } from "@/lib/articles/page/article-page";
import type { LivePage } from "@/lib/live/page";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { sportsEventJsonLd } from "@/lib/sports/json-ld";
import { JsonLdScript } from "../sports/json-ld-script";
import { liveBlogJsonLd, liveModifiedAt } from "./live-blog-json-ld";

// The matches and events the story is about (its Events), as schema.org SportsEvent.
function aboutJsonLd(article: ArticlePage) {
  const events = article.events.flatMap((linked) => {
    const event = article.records.sports.events.get(linked.id);
    if (!event) return [];
    const { "@context": _context, ...about } = sportsEventJsonLd(event);
    void _context;
    return [about];
  });
  return events.length ? events : undefined;
}

function articleJsonLd(article: ArticlePage, live: LivePage | null) {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.standfirst || undefined,
    mainEntityOfPage: absoluteUrl(article.href),
    image: article.hero && !article.hero.media.isWithdrawn ? [absoluteUrl(article.hero.media.src)] : undefined,
    datePublished: article.publishedAt,
    dateModified: live ? liveModifiedAt(article, live) : article.updatedAt,
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name).join(", ") || undefined,
    about: aboutJsonLd(article),
    author: article.bylines.map((byline) => ({
      "@type": "Person",
      name: byline.name,
      url: absoluteUrl(`/author/${byline.slug}`),
    })),
    publisher: { "@type": "NewsMediaOrganization", name: siteConfig.name, url: siteConfig.url },
  };
}

// The coverage's own match (its home and away as the desk typed them) unless the story is linked
// to event records, which say more.
function liveBlogWithAbout(article: ArticlePage, live: LivePage) {
  const about = aboutJsonLd(article);
  return { ...liveBlogJsonLd(article, live), ...(about ? { about } : {}) };
}

// A live story (`live`, lib/live/page.ts) gets its LiveBlogPosting beside the NewsArticle.
export function ArticleJsonLd({ article, live = null }: { article: ArticlePage; live?: LivePage | null }) {
  return (
    <>
      <JsonLdScript data={articleJsonLd(article, live)} />
      {live && <JsonLdScript data={liveBlogWithAbout(article, live)} />}
    </>
  );
}
