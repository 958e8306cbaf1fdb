import type { ActionResult } from "@/lib/action-result";
import type { EditorStory, PickerMedia, PickerStory } from "@/lib/articles/editor-queries";
import type { SaveResult } from "@/lib/articles/save-article";
import type { TransitionResult } from "@/lib/articles/workflow";
import type { RevisionComparison, RevisionSummary } from "@/lib/articles/history";

export type TransitionStep = "submit" | "publish" | "unpublish" | "returnToDraft" | "schedule";

// The server actions the editor calls, handed down from the page.
export type EditorActions = {
  save: (input: unknown) => Promise<ActionResult<SaveResult>>;
  transition: (step: TransitionStep, input: unknown) => Promise<ActionResult<TransitionResult>>;
  addNote: (input: unknown) => Promise<ActionResult<{ id: string; createdAt: string }>>;
  checkIn: (articleId: string) => Promise<ActionResult<{ others: string[] }>>;
  reload: (articleId: string) => Promise<ActionResult<EditorStory>>;
  listRevisions: (articleId: string) => Promise<ActionResult<RevisionSummary[]>>;
  compareRevisions: (articleId: string, fromId: string, toId: string) => Promise<ActionResult<RevisionComparison>>;
  compareWithCurrent: (articleId: string, mine: unknown) => Promise<ActionResult<RevisionComparison & { version: number; savedBy: string | null }>>;
  restoreRevision: (input: unknown) => Promise<ActionResult<SaveResult>>;
  previewLink: (articleId: string) => Promise<ActionResult<{ path: string; expiresAt: string }>>;
  searchMedia: (query: string) => Promise<ActionResult<PickerMedia[]>>;
  searchStories: (query: string, excludeId: string) => Promise<ActionResult<PickerStory[]>>;
  deleteStory: (input: unknown) => Promise<ActionResult<{ version: number; deletedAt: string }>>;
};

export type EditorPermissions = { canPublish: boolean; canUnpublish: boolean; canSchedule: boolean; canCorrect: boolean; canEdit: boolean; canDelete: boolean };

export type Option = { id: string; name: string };

export type SaveState = "saved" | "unsaved" | "saving" | "conflict" | "error";
