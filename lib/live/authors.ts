// A byline merge (lib/bylines/merge.ts) credits the source profile's live entries to the target:
// once per entry, in the earlier of the two positions when an entry had both.
import type { Tx } from "../db";

// Returns the stories whose entries changed, for their pages to be refreshed.
export async function moveLiveEntryAuthors(tx: Tx, sourceId: string, targetId: string): Promise<string[]> {
  const rows = await tx.liveEntryAuthor.findMany({ where: { profileId: sourceId }, select: { id: true, entryId: true, position: true, entry: { select: { articleId: true } } } });
  for (const row of rows) {
    const shared = await tx.liveEntryAuthor.findUnique({ where: { entryId_profileId: { entryId: row.entryId, profileId: targetId } }, select: { id: true, position: true } });
    if (!shared) {
      await tx.liveEntryAuthor.update({ where: { id: row.id }, data: { profileId: targetId } });
      continue;
    }
    await tx.liveEntryAuthor.delete({ where: { id: row.id } });
    if (row.position < shared.position) await tx.liveEntryAuthor.update({ where: { id: shared.id }, data: { position: row.position } });
  }
  return [...new Set(rows.map((row) => row.entry.articleId))];
}
