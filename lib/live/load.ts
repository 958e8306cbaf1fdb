// What a live write reads first, inside its transaction: the coverage or the entry, and the story
// they belong to as the permission table needs it (lib/permissions.ts LiveRef).
import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { LiveRef } from "../permissions";

const storySelect = {
  id: true,
  createdById: true,
  status: true,
  deletedAt: true,
  deletedBy: { select: { name: true } },
  bylines: { select: { profile: { select: { userId: true } } } },
} as const;

type StoryRow = {
  id: string;
  createdById: string | null;
  status: string;
  deletedAt: Date | null;
  deletedBy: { name: string } | null;
  bylines: { profile: { userId: string | null } }[];
};

// The story as can() reads it; a story in the trash takes no live writes (restore it first).
function liveRefOf(story: StoryRow, entryCreatedById?: string | null): LiveRef {
  if (story.deletedAt) {
    throw new AppError("CONFLICT", `${story.deletedBy?.name ?? "Someone"} moved this story to the trash. Nothing was saved: restore it from the trash first.`, { trashed: true });
  }
  const bylineUserIds = story.bylines.flatMap((byline) => (byline.profile.userId ? [byline.profile.userId] : []));
  return { createdById: story.createdById, status: story.status, bylineUserIds, ...(entryCreatedById !== undefined ? { entryCreatedById } : {}) };
}

export async function loadCoverageForWrite(tx: Tx, articleId: string) {
  const coverage = await tx.liveCoverage.findUnique({
    where: { articleId },
    select: { articleId: true, status: true, version: true, startsAt: true, endsAt: true, article: { select: storySelect } },
  });
  if (!coverage) throw new AppError("NOT_FOUND", "That story is not live coverage (or no longer exists). Reload the page.");
  return { coverage, story: liveRefOf(coverage.article) };
}

export async function loadEntryForWrite(tx: Tx, entryId: string) {
  const entry = await tx.liveEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      articleId: true,
      version: true,
      pinned: true,
      keyEvent: true,
      deletedAt: true,
      createdById: true,
      authors: { orderBy: { position: "asc" }, select: { profileId: true } },
      coverage: { select: { status: true, article: { select: storySelect } } },
    },
  });
  if (!entry) throw new AppError("NOT_FOUND", "That entry does not exist. Reload the page.");
  return { entry, story: liveRefOf(entry.coverage.article, entry.createdById) };
}

// A deleted entry is a tombstone: nothing edits, pins or deletes it again, so nothing can bring it
// back. 410, the same whoever asks.
export function refuseDeleted(entry: { deletedAt: Date | null }): void {
  if (entry.deletedAt) throw new AppError("GONE", "This entry was deleted; it cannot be changed or brought back. Post a new entry instead.");
}
