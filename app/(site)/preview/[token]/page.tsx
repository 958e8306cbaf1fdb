import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/story/article-view";
import { loadArticlePage, type ArticlePage } from "@/lib/articles/page/article-page";
import type { MediaView } from "@/lib/media/views";
import { previewedArticleId } from "@/lib/articles/preview";
import { renderStoryBody } from "@/components/site/story/story-body";
import { db } from "@/lib/db";

// A draft exactly as readers will see it, for anyone holding a valid signed link that nobody has
// revoked. Never cached, never indexed.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  const token = safeDecode((await params).token);
  const articleId = await previewedArticleId(token);
  if (!articleId) notFound();
  // A story in the trash is not previewed: its links stop working until it is restored.
  const row = await db.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true } });
  const loaded = row ? await loadArticlePage(row.slug, false) : null;
  if (!loaded) notFound();
  const page = withPreviewMedia(loaded.page, token);
  return (
    <>
      <p className="preview-banner" role="status">
        Preview: this story is not published. The link expires in 48 hours.
      </p>
      <ArticleView article={page} body={renderStoryBody(page.body, page.records, `preview ${page.id}`)} />
    </>
  );
}

// The pictures' addresses carry the token: an embargoed story's pictures are served before its
// embargo only to staff and to the holders of its preview links (app/media/[...key]).
function withPreviewMedia(page: ArticlePage, token: string): ArticlePage {
  const query = `preview=${encodeURIComponent(token)}`;
  const sign = (urls: string | undefined) => urls?.replace(/(\/media\/[^\s,?]+)/g, `$1?${query}`);
  const signView = (view: MediaView): MediaView => ({ ...view, src: sign(view.src)!, srcSetWebp: sign(view.srcSetWebp)!, srcSetJpeg: sign(view.srcSetJpeg)!, srcSetAvif: sign(view.srcSetAvif) });
  const media = new Map([...page.records.media].map(([id, view]) => [id, signView(view)]));
  return { ...page, hero: page.hero ? { ...page.hero, media: signView(page.hero.media) } : null, records: { ...page.records, media } };
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}
