import type * as storyActions from "@/app/(newsroom)/newsroom/stories/actions";

type StoryActions = typeof storyActions;

// The server actions the editor calls, handed down from the page. Their types are the actions'
// own, so a changed argument or result shows up here (and in every caller) at once.
export type EditorActions = {
  save: StoryActions["saveStoryAction"];
  transition: StoryActions["transitionAction"];
  addNote: StoryActions["addNoteAction"];
  checkIn: StoryActions["checkInAction"];
  reload: StoryActions["reloadStoryAction"];
  listRevisions: StoryActions["listRevisionsAction"];
  compareRevisions: StoryActions["compareRevisionsAction"];
  compareWithCurrent: StoryActions["compareWithCurrentAction"];
  restoreRevision: StoryActions["restoreRevisionAction"];
  previewLink: StoryActions["previewLinkAction"];
  listPreviewLinks: StoryActions["listPreviewLinksAction"];
  revokePreviewLink: StoryActions["revokePreviewLinkAction"];
  searchMedia: StoryActions["searchMediaAction"];
  searchStories: StoryActions["searchStoriesAction"];
  updateLive: StoryActions["updateLiveAction"];
  discardChanges: StoryActions["discardChangesAction"];
  scheduleLiveUpdate: StoryActions["scheduleLiveUpdateAction"];
  compareWithLive: StoryActions["compareWithLiveAction"];
  liveState: StoryActions["liveStateAction"];
  readMedia: StoryActions["readMediaAction"];
  readEmbeds: StoryActions["readEmbedsAction"];
  updateMediaDetails: StoryActions["updateMediaDetailsAction"];
  listCreditOptions: StoryActions["listCreditOptionsAction"];
  deleteStory: StoryActions["deleteStoryAction"];
  setEmbargo: StoryActions["setEmbargoAction"];
  liftEmbargo: StoryActions["liftEmbargoAction"];
};

// What the editor's photo panels send: the picture, the version they show, the fields they change.
export type MediaDetailsChange = {
  id: string;
  version: number;
  altText?: string;
  defaultCaption?: string;
  photographerId?: string | null;
  agencyId?: string | null;
  creditOverride?: string | null;
};

export type EditorPermissions = { canPublish: boolean; canUnpublish: boolean; canSchedule: boolean; canCorrect: boolean; canEdit: boolean; canEditMedia: boolean; canDelete: boolean; canLiftEmbargo: boolean };

export type Option = { id: string; name: string };

export type SaveState = "saved" | "unsaved" | "saving" | "conflict" | "error";
