// The public pages that show a picture: those of the published stories using it. Read inside the
// write's transaction, refreshed after it commits.
import { readPageKeys, refreshPublicPages, type PageKeys } from "../articles/refresh";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import type { Tx } from "../db";
import { findMediaUsage } from "./usage";

export async function readPublishedPagesShowing(tx: Tx, mediaId: string): Promise<PageKeys[]> {
  const usage = await findMediaUsage(tx, mediaId);
  const published = usage.stories.filter((story) => story.status === "PUBLISHED");
  return Promise.all(published.map((story) => readPageKeys(tx, story.id)));
}

// Pages tag each picture they show (lib/media/views.ts mediaCacheTags); the stories' own pages
// and listings are dropped too, as for any change to a published story.
export function refreshPagesShowing(mediaId: string, pages: PageKeys[]): void {
  invalidateTags([cacheTags.media(mediaId)]);
  if (pages.length) refreshPublicPages(...pages);
}
