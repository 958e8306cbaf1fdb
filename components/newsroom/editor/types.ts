import type { ActionResult } from "@/lib/action-result";
import type { EditorStory, LiveState, PickerMedia, PickerStory } from "@/lib/articles/editor-queries";
import type { LiveUpdateResult } from "@/lib/articles/publish/update-live";
import type { PreviewLinkSummary } from "@/lib/articles/preview";
import type { SaveResult } from "@/lib/articles/save/save-article";
import type { TransitionResult } from "@/lib/articles/workflow";
import type { RevisionComparison, RevisionSummary } from "@/lib/articles/history/history";
import type { CreditOptions } from "@/lib/media/library/library-queries";

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
  listPreviewLinks: (articleId: string) => Promise<ActionResult<PreviewLinkSummary[]>>;
  revokePreviewLink: (input: unknown) => Promise<ActionResult<{ revoked: boolean }>>;
  searchMedia: (query: string) => Promise<ActionResult<PickerMedia[]>>;
  searchStories: (query: string, excludeId: string) => Promise<ActionResult<PickerStory[]>>;
  updateLive: (input: unknown) => Promise<ActionResult<LiveUpdateResult>>;
  discardChanges: (input: unknown) => Promise<ActionResult<LiveUpdateResult>>;
  scheduleLiveUpdate: (input: unknown) => Promise<ActionResult<LiveUpdateResult & { updateAt: string | null }>>;
  compareWithLive: (articleId: string) => Promise<ActionResult<RevisionComparison>>;
  liveState: (articleId: string) => Promise<ActionResult<LiveState | null>>;
  readMedia: (ids: string[]) => Promise<ActionResult<PickerMedia[]>>;
  updateMediaDetails: (input: MediaDetailsChange) => Promise<ActionResult<PickerMedia>>;
  listCreditOptions: () => Promise<ActionResult<CreditOptions>>;
  deleteStory: (input: unknown) => Promise<ActionResult<{ version: number; deletedAt: string }>>;
};

// What the editor's photo panels send: the picture, the version they show, the fields they change.
export type MediaDetailsChange = {
  id: string; version: number;
  altText?: string; defaultCaption?: string; photographerId?: string | null; agencyId?: string | null; creditOverride?: string | null;
};

export type EditorPermissions = { canPublish: boolean; canUnpublish: boolean; canSchedule: boolean; canCorrect: boolean; canEdit: boolean; canEditMedia: boolean; canDelete: boolean };

export type Option = { id: string; name: string };

export type SaveState = "saved" | "unsaved" | "saving" | "conflict" | "error";
