// A story's <head>: title, description, canonical address, OpenGraph and Twitter cards with the
// hero picture (absolute URLs come from the root layout's metadataBase, i.e. SITE_URL).
import type { Metadata } from "next";
import type { ArticlePage } from "@/lib/articles/page/article-page";
import { siteConfig } from "@/lib/site-config";

export function articleMetadata(article: ArticlePage): Metadata {
  const image = article.hero && !article.hero.media.isWithdrawn ? article.hero.media : null;
  const images = image ? [{ url: image.src, width: image.width, height: image.height, alt: image.altText }] : undefined;
  const description = article.standfirst || undefined;
  return {
    title: article.headline,
    description,
    alternates: { canonical: article.href },
    authors: article.bylines.map((byline) => ({ name: byline.name, url: `/author/${byline.slug}` })),
    openGraph: {
      type: "article",
      siteName: siteConfig.name,
      locale: "en_GB",
      title: article.headline,
      description,
      url: article.href,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      images,
    },
    twitter: { card: image ? "summary_large_image" : "summary", title: article.headline, description, images },
  };
}
