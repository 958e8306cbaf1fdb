// What the live desk reads (/newsroom/stories/<id>/live): the coverage and every entry, deleted
// ones included as tombstones (so a desk that still shows one learns it is gone), with versions,
// authors, flags and who may do what. Staff only: whoever may read the story (lib/permissions.ts
// article.read, or a contributor on the live story's byline), the same rule as opening it.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can, type Actor, type LiveRef } from "../permissions";
import { coverageSelect, entrySelect, toCoverageView, toEntryView, type LiveCoverageView, type LiveEntryView } from "./views";

export type DeskEntry = LiveEntryView & { deletedAt: string | null; createdById: string | null; canEdit: boolean };

export type LiveDesk = {
  articleId: string;
  headline: string;
  storyStatus: string;
  href: string | null;
  // null: the story is not live coverage yet (the desk offers to make it so).
  coverage: LiveCoverageView | null;
  // The newest change's seq: the desk's poll compares it to know whether anything moved.
  lastSeq: number;
  // Pinned first, then newest first (postedAt, then id); tombstones among them, flagged.
  entries: DeskEntry[];
  canManage: boolean;
  canPost: boolean;
  // "Make this a story" on an entry: may create stories and post here.
  canPromote: boolean;
};

const storySelect = {
  id: true,
  headline: true,
  slug: true,
  status: true,
  createdById: true,
  deletedAt: true,
  section: { select: { slug: true } },
  bylines: { select: { profile: { select: { userId: true } } } },
} as const;

export async function readLiveDesk(actor: Actor | null, articleId: string): Promise<LiveDesk> {
  assertCan(actor, "newsroom.enter");
  const story = await db.article.findUnique({ where: { id: articleId }, select: { ...storySelect, liveCoverage: { select: coverageSelect } } });
  if (!story || story.deletedAt) throw new AppError("NOT_FOUND", "That story does not exist (or is in the trash).");
  const ref: LiveRef = { createdById: story.createdById, status: story.status, bylineUserIds: story.bylines.flatMap((b) => (b.profile.userId ? [b.profile.userId] : [])) };
  if (!can(actor, "article.read", ref) && !can(actor, "live.post", ref)) throw new AppError("FORBIDDEN", "Your role does not allow opening this live coverage.");
  const rows = !story.liveCoverage
    ? []
    : await db.liveEntry.findMany({
        where: { articleId },
        orderBy: [{ pinned: "desc" }, { postedAt: "desc" }, { id: "desc" }],
        select: { ...entrySelect, deletedAt: true, createdById: true },
      });
  const entries = rows.map((row) => ({
    ...toEntryView(row),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdById: row.createdById,
    canEdit: !row.deletedAt && can(actor, "live.editEntry", { ...ref, entryCreatedById: row.createdById }),
  }));
  return {
    articleId: story.id,
    headline: story.headline,
    storyStatus: story.status,
    href: story.section ? `/${story.section.slug}/${story.slug}` : null,
    coverage: story.liveCoverage ? toCoverageView(story.liveCoverage) : null,
    lastSeq: story.liveCoverage?.lastSeq ?? 0,
    entries,
    canManage: can(actor, "live.manage", ref),
    canPost: can(actor, "live.post", ref),
    canPromote: can(actor, "article.create") && can(actor, "live.post", ref),
  };
}
