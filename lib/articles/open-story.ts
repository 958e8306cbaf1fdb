// What opening a story in the newsroom shows: the editor; the "in the trash" page (with Restore for
// whoever may restore it); or, for a contributor opening a story that carries their byline but that
// they did not write, the story as it will read, without editing. Anyone else: not found.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can, type Actor } from "../permissions";
import { purgeDateOf } from "./trash/trash-rules";

export type TrashedStory = {
  id: string;
  headline: string;
  status: string;
  version: number;
  deletedBy: string | null;
  deletedAt: string;
  purgeAt: string;
  canRestore: boolean;
};

type StoryDoor = { kind: "editor" } | { kind: "trash"; story: TrashedStory } | { kind: "byline"; slug: string; headline: string; status: string };

export async function openStory(actor: Actor | null, articleId: string): Promise<StoryDoor> {
  const row = await db.article.findUnique({
    where: { id: String(articleId).slice(0, 40) },
    select: {
      id: true,
      headline: true,
      status: true,
      version: true,
      slug: true,
      createdById: true,
      deletedAt: true,
      deletedBy: { select: { name: true } },
      bylines: { select: { profile: { select: { userId: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist.");
  const bylineUserIds = row.bylines.flatMap((b) => (b.profile.userId ? [b.profile.userId] : []));
  assertCan(actor, "article.read", { createdById: row.createdById, status: row.status, bylineUserIds });
  if (row.deletedAt) {
    return {
      kind: "trash",
      story: {
        id: row.id,
        headline: row.headline,
        status: row.status,
        version: row.version,
        deletedBy: row.deletedBy?.name ?? null,
        deletedAt: row.deletedAt.toISOString(),
        purgeAt: purgeDateOf(row.deletedAt).toISOString(),
        canRestore: can(actor, "article.restore", row),
      },
    };
  }
  if (can(actor, "article.read", row)) return { kind: "editor" };
  return { kind: "byline", slug: row.slug, headline: row.headline, status: row.status };
}
