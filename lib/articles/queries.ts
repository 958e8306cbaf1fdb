// Reads for the public article page, from the tagged in-process cache: a cached request does
// not touch the database.
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { loadArticlePage, type ArticlePage } from "./article-page";

export async function getPublishedArticle(slug: string): Promise<ArticlePage | null> {
  return cached(`article-page:${slug}`, async () => {
    const loaded = await loadArticlePage(slug);
    // A miss is cached too (under the listings tag, which every publish drops), so a flood of
    // requests for an unknown slug does not reach the database.
    return loaded ? { value: loaded.page, tags: loaded.tags } : { value: null, tags: [cacheTags.listings] };
  });
}
