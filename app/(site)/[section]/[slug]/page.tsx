import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/story/article-view";
import { ArticleJsonLd } from "@/components/site/story/article-json-ld";
import { getPublishedArticle } from "@/lib/articles/queries";
import { renderStoryBody } from "@/lib/editor/render";


type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return {};
  const image = article.hero && !article.hero.media.isWithdrawn ? article.hero.media : null;
  return {
    title: article.headline,
    description: article.standfirst || undefined,
    alternates: { canonical: article.href },
    openGraph: {
      type: "article",
      title: article.headline,
      description: article.standfirst || undefined,
      url: article.href,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      section: article.section.name,
      images: image ? [{ url: image.src, width: image.width, height: image.height, alt: image.altText }] : undefined,
    },
    twitter: { card: image ? "summary_large_image" : "summary", title: article.headline, description: article.standfirst || undefined },
  };
}

export default async function ArticleRoute({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  if (article.section.slug !== section) permanentRedirect(article.href);
  const body = renderStoryBody(article.body, article.records, `article ${article.id}`);
  return (
    <>
      <ArticleJsonLd article={article} />
      <ArticleView article={article} body={body} />
    </>
  );
}
