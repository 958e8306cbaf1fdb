// The trash's rules that screens need too (no data access here, so client code may import it).
export const TRASH_DAYS = 30;
const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;

// A published or scheduled story must be taken off the site (or the schedule) first.
export const TRASHABLE_STATUSES: readonly string[] = ["DRAFT", "IN_REVIEW", "UNPUBLISHED"];

export function purgeDateOf(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + TRASH_MS);
}

export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_MS);
}
