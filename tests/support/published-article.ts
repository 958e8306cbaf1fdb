// What a reader gets at a story's address, as the page (or null when it answers 404/410): the
// article page reads getArticleState; tests only want the published case.
import { getArticleState } from "../../lib/articles/queries";
import type { ArticlePage } from "../../lib/articles/page/article-page";

export async function getPublishedArticle(slug: string): Promise<ArticlePage | null> {
  const state = await getArticleState(slug);
  return state.kind === "published" ? state.page : null;
}
