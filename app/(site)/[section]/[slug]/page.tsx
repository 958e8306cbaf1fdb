import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/story/article-view";
import { ArticleJsonLd } from "@/components/site/story/article-json-ld";
import { articleMetadata } from "@/components/site/story/article-metadata";
import { getArticleState } from "@/lib/articles/queries";
import { renderStoryBody } from "@/components/site/story/story-body";
import { isPublicSlug } from "@/lib/listings/listing-page";
import { followRedirect } from "@/lib/redirects/follow";
import { getLivePage } from "@/lib/live/page";
import { LiveCoverage } from "@/components/site/story/live-coverage";

type Props = { params: Promise<{ section: string; slug: string }> };

async function stateOf(slug: string) {
  return isPublicSlug(slug) ? getArticleState(slug) : ({ kind: "missing" } as const);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = await stateOf((await params).slug);
  return state.kind === "published" ? articleMetadata(state.page) : {};
}

export default async function ArticleRoute({ params }: Props) {
  const { section, slug } = await params;
  const state = await stateOf(slug);
  if (state.kind !== "published") {
    // A renamed story's old address; else 404 (an unpublished story's 410 is answered by proxy.ts).
    if (isPublicSlug(section) && isPublicSlug(slug)) await followRedirect(`/${section}/${slug}`);
    notFound();
  }
  const article = state.page;
  if (article.section.slug !== section) permanentRedirect(article.href);
  const body = renderStoryBody(article.body, article.records, `article ${article.id}`);
  const live = await getLivePage(article.id);
  return (
    <>
      <ArticleJsonLd article={article} live={live} />
      <ArticleView article={article} body={body} live={live && <LiveCoverage live={live} articlePath={article.href} />} />
    </>
  );
}
