// What the live routes under a story's address (…/changes, …/events, …/feed.xml) start from: the
// story at /<section>/<slug> if readers may see it (the story page's own cached read, so a draft,
// an embargoed or an unknown story is "not found" exactly as its page is), and the cursor a reader
// asked from.
import "server-only";
import { getArticleState } from "../articles/queries";
import { isPublicSlug } from "../listings/listing-page";
import type { ArticlePage } from "../articles/page/article-page";
import { ChangesQuery } from "./schema";

export async function findPublicStory(section: string, slug: string): Promise<ArticlePage | null> {
  if (!isPublicSlug(section) || !isPublicSlug(slug)) return null;
  const state = await getArticleState(slug);
  if (state.kind !== "published" || state.page.section.slug !== section) return null;
  return state.page;
}

export type CursorRead = { isValid: true; cursor: number } | { isValid: false; message: string };

// From `?cursor=` or a Last-Event-ID header; absent means from the start.
export function readCursor(raw: string | null): CursorRead {
  if (raw === null || raw.trim() === "") return { isValid: true, cursor: 0 };
  const parsed = ChangesQuery.shape.cursor.safeParse(raw.trim());
  if (parsed.success) return { isValid: true, cursor: parsed.data };
  return { isValid: false, message: `The cursor must be a whole number of 0 or more (the "cursor" of the last answer), not "${raw.slice(0, 40)}".` };
}
