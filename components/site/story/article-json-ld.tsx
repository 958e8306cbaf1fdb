import type { ArticlePage } from "@/lib/articles/page/article-page";
import { absoluteUrl, siteConfig } from "@/lib/site-config";

function articleJsonLd(article: ArticlePage) {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.standfirst || undefined,
    mainEntityOfPage: absoluteUrl(article.href),
    image: article.hero && !article.hero.media.isWithdrawn ? [absoluteUrl(article.hero.media.src)] : undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
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
export function ArticleJsonLd({ article }: { article: ArticlePage }) {
  const json = JSON.stringify(articleJsonLd(article)).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
