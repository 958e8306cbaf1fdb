// Reads for the public article page, from the tagged in-process cache: a cached request does
// not touch the database.
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { loadArticlePage, type ArticlePage } from "./page/article-page";

// What a story's address shows: the story, "gone" (it was unpublished: 410), or nothing (404).
type ArticleState = { kind: "published"; page: ArticlePage } | { kind: "gone" } | { kind: "missing" };

export async function getArticleState(slug: string): Promise<ArticleState> {
  return cached(`article-page:${slug}`, async () => {
    const loaded = await loadArticlePage(slug);
    if (loaded) return { value: { kind: "published", page: loaded.page } as ArticleState, tags: loaded.tags };
    const row = await db.article.findUnique({ where: { slug }, select: { id: true, status: true } });
    // Misses are cached too, so a flood of requests for an unknown slug does not reach the
    // database; publishing anything drops them (the notFound tag), the story's id drops "gone".
    if (row?.status === "UNPUBLISHED") return { value: { kind: "gone" } as ArticleState, tags: [cacheTags.article(row.id), cacheTags.notFound] };
    return { value: { kind: "missing" } as ArticleState, tags: [cacheTags.listings, cacheTags.notFound, ...(row ? [cacheTags.article(row.id)] : [])] };
  });
}
