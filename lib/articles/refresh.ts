// After a write to a published story commits: drop every cached public page that shows it.
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import type { Tx } from "../db";

export type PageKeys = { id: string; sectionId: string | null; tagIds: string[]; profileIds: string[] };

export async function readPageKeys(tx: Tx, articleId: string): Promise<PageKeys> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { id: true, sectionId: true, tags: { select: { tagId: true } }, bylines: { select: { profileId: true } } },
  });
  return { id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.tagId), profileIds: article.bylines.map((b) => b.profileId) };
}

export function refreshPublicPages(...pages: PageKeys[]): void {
  const tags = new Set<string>([cacheTags.frontPage, cacheTags.listings, cacheTags.feeds]);
  for (const page of pages) {
    tags.add(cacheTags.article(page.id));
    if (page.sectionId) tags.add(cacheTags.section(page.sectionId));
    page.tagIds.forEach((id) => tags.add(cacheTags.tag(id)));
    page.profileIds.forEach((id) => tags.add(cacheTags.byline(id)));
  }
  invalidateTags(tags);
}
