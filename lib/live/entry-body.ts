// An entry's body: validated exactly like a story body (the same extension list and block
// modules, lib/editor/validate.ts), with its plain text for search and feeds. An entry may show a
// photo (with the photo's own caption and credit) and point at another story. Captions, quotes and
// sidebars are records a story's save keeps in step with the story's own body (and deletes when
// that body stops using them), so an entry cannot point at them yet: refused, not left dangling.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { parseStoryBody } from "../editor/validate";
import type { BodyDoc } from "../editor/types";

export type EntryBody = { doc: BodyDoc; text: string };

async function missing(ids: string[], found: (ids: string[]) => Promise<{ id: string }[]>): Promise<string[]> {
  if (!ids.length) return [];
  const present = new Set((await found(ids)).map((row) => row.id));
  return ids.filter((id) => !present.has(id));
}

export async function checkEntryBody(tx: Tx, raw: unknown): Promise<EntryBody> {
  const { doc, facts } = parseStoryBody(raw);
  const { references } = facts;
  if (!facts.text.trim() && facts.blocks.length === 0) throw new AppError("INVALID", "The entry is empty: write something before posting it.", { field: "body" });
  const storyRecords = references.captionIds.length + references.quoteIds.length + references.sidebarIds.length;
  if (storyRecords > 0) {
    throw new AppError("INVALID", "Live entries cannot use caption records, pull quotes or sidebars yet: use a photo with its own caption, or write the quote as text.", { field: "body" });
  }
  const [media, stories] = await Promise.all([
    missing(references.mediaIds, (ids) => tx.media.findMany({ where: { id: { in: ids } }, select: { id: true } })),
    missing(references.articleIds, (ids) => tx.article.findMany({ where: { id: { in: ids } }, select: { id: true } })),
  ]);
  const problems = [...media.map((id) => `photo ${id} does not exist`), ...stories.map((id) => `related story ${id} does not exist`)];
  if (problems.length) throw new AppError("INVALID", `The entry refers to things that are not there: ${problems.join("; ")}.`, { problems });
  return { doc, text: facts.text };
}

// The entry's bylines: the profiles named (in order, each once), or the poster's own profile.
export async function checkEntryAuthors(tx: Tx, authorIds: string[] | undefined, posterId: string): Promise<string[]> {
  if (authorIds === undefined) {
    const own = await tx.bylineProfile.findUnique({ where: { userId: posterId }, select: { id: true } });
    return own ? [own.id] : [];
  }
  if (new Set(authorIds).size !== authorIds.length) throw new AppError("INVALID", "An author appears twice in the entry's byline.", { field: "authorIds" });
  const absent = await missing(authorIds, (ids) => tx.bylineProfile.findMany({ where: { id: { in: ids } }, select: { id: true } }));
  if (absent.length) throw new AppError("INVALID", `Byline profile ${absent.join(", ")} does not exist.`, { field: "authorIds" });
  return authorIds;
}
