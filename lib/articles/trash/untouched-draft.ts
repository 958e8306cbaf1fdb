// "New story" makes the record at once (the editor needs an id to autosave to). Until someone
// saves it or moves it along the workflow it stays version 1 with no headline: nothing was typed.
// Such a draft is never listed, and the scheduler discards it once it is an hour old and nobody
// has had it open in the editor for ten minutes (an open editor checks in every few seconds).
import type { Prisma } from "../../generated/sqlite/client";

export const UNTOUCHED_DRAFT = { version: 1, status: "DRAFT", headline: "" } as const satisfies Prisma.ArticleWhereInput;

const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const OPEN_EDITOR_GRACE_MS = 10 * 60 * 1000;

export function abandonedDraftWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    ...UNTOUCHED_DRAFT,
    deletedAt: null,
    createdAt: { lte: new Date(now.getTime() - ABANDONED_AFTER_MS) },
    editingSessions: { none: { lastSeenAt: { gte: new Date(now.getTime() - OPEN_EDITOR_GRACE_MS) } } },
  };
}
