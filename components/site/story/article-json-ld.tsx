import type { ArticlePage } from "@/lib/articles/page/article-page";
import type { LivePage } from "@/lib/live/page";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { liveBlogJsonLd, liveModifiedAt } from "./live-blog-json-ld";

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
    author: article.bylines.map((byline) => ({
      "@type": "Person",
      name: byline.name,
      url: absoluteUrl(`/author/${byline.slug}`),
    })),
    publisher: { "@type": "NewsMediaOrganization", name: siteConfig.name, url: siteConfig.url },
  };
}

// "<" is escaped so no string in a story can close the script element.
function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

// A live story (`live`, lib/live/page.ts) gets its LiveBlogPosting beside the NewsArticle.
export function ArticleJsonLd({ article, live = null }: { article: ArticlePage; live?: LivePage | null }) {
  return (
    <>
      <JsonLd data={articleJsonLd(article, live)} />
      {live && <JsonLd data={liveBlogJsonLd(article, live)} />}
    </>
  );
}
