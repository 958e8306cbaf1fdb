// What the live desk's screens are given by the page: the server actions they call.
import type { ActionResult } from "@/lib/action-result";
import type { LiveDesk } from "@/lib/live/desk-queries";
import type { PromotedEntry } from "@/lib/live/promote";
import type { BlockSearch } from "./block-picker";

type Act<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;
type EntryWrite = { id: string; version: number; seq: number | null };

export type LiveDeskActions = {
  read: (articleId: string) => Promise<ActionResult<LiveDesk>>;
  makeLive: Act;
  updateCoverage: Act;
  post: Act<EntryWrite>;
  postScore: Act<EntryWrite>;
  edit: Act<EntryWrite>;
  remove: Act<EntryWrite>;
  setPinned: Act<EntryWrite>;
  setKeyEvent: Act<EntryWrite>;
  promote: Act<PromotedEntry>;
  search: BlockSearch;
};

export const ENTRY_TYPE_LABELS: Record<string, string> = {
  UPDATE: "Update",
  GOAL: "Goal / score",
  CARD: "Card",
  SUBSTITUTION: "Substitution",
  PERIOD_START: "Period start",
  PERIOD_END: "Period end",
  SUMMARY: "Summary",
  OTHER: "Other",
};

export const STATUS_LABELS: Record<string, string> = { UPCOMING: "Upcoming", LIVE: "Live", ENDED: "Ended" };

// A failed action as the desk says it: a stale write (409) names what to do about it.
export function failureText(result: { status: number; message: string }): string {
  return result.message;
}
