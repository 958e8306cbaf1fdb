import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/story/article-view";
import { loadArticlePage } from "@/lib/articles/page/article-page";
import { previewedArticleId } from "@/lib/articles/preview";
import { renderStoryBody } from "@/components/site/story/story-body";
import { db } from "@/lib/db";

// A draft exactly as readers will see it, for anyone holding a valid signed link that nobody has
// revoked. Never cached, never indexed.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  const articleId = await previewedArticleId(safeDecode((await params).token));
  if (!articleId) notFound();
  // A story in the trash is not previewed: its links stop working until it is restored.
  const row = await db.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true } });
  const loaded = row ? await loadArticlePage(row.slug, false) : null;
  if (!loaded) notFound();
  const { page } = loaded;
  return (
    <>
      <p className="preview-banner" role="status">
        Preview: this story is not published. The link expires in 48 hours.
      </p>
      <ArticleView article={page} body={renderStoryBody(page.body, page.records, `preview ${page.id}`)} />
    </>
  );
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}
