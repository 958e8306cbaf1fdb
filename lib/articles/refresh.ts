// After a write to a published story commits: drop every cached public page that shows it.
import { invalidateForArticle } from "../cache/invalidate";
import type { Tx } from "../db";

export type PageKeys = { id: string; sectionId: string | null; tagIds: string[]; profileIds: string[] };

export async function readPageKeys(tx: Tx, articleId: string): Promise<PageKeys> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { id: true, sectionId: true, tags: { select: { tagId: true } }, bylines: { select: { profileId: true } } },
  });
  return { id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.tagId), profileIds: article.bylines.map((b) => b.profileId) };
}

// Pass the story as it was before a write and as it is after, so listings it left refresh too.
export function refreshPublicPages(...pages: PageKeys[]): void {
  invalidateForArticle(...pages.map((page) => ({ id: page.id, sectionId: page.sectionId, tagIds: page.tagIds, bylineProfileIds: page.profileIds })));
}
