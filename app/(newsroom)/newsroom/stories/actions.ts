"use server";
// Server actions of the story screens: thin wrappers (lib/server-action.ts). lib/ checks
// permission and validates; errors come back as results the screen can show.
import { redirect } from "next/navigation";
import { idArgument as id, runCommand, runFormCommand, textArgument as text } from "@/lib/server-action";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { takeWorkflowStep } from "@/lib/articles/workflow";
import type { WorkflowStep } from "@/lib/articles/workflow-steps";
import { addArticleNote } from "@/lib/articles/notes";
import { checkIn } from "@/lib/articles/presence";
import { compareRevisions, compareWithCurrent, listRevisions, restoreRevision } from "@/lib/articles/history/history";
import { createPreviewLink, listPreviewLinks, revokePreviewLink } from "@/lib/articles/preview";
import { compareWorkingCopyWithLive, loadLiveState, loadStoryForEditor, readPickerMedia, searchPickerMedia, searchPickerStories } from "@/lib/articles/editor-queries";
import { discardChanges, scheduleLiveUpdate, updateLiveStory } from "@/lib/articles/publish/update-live";
import { listCreditOptions } from "@/lib/media/library/library-queries";
import { updateMediaDetails } from "@/lib/media/update-media-details";
import { readEditorEmbeds } from "@/lib/embeds/editor-embeds";
import { deleteToTrash, restoreFromTrash } from "@/lib/articles/trash/trash";
import { liftEmbargo, setEmbargo } from "@/lib/articles/embargo/embargo-commands";
import type { FormState } from "@/components/newsroom/action-form";

export async function createStoryAction(): Promise<void> {
  const result = await runCommand(createArticle, {});
  if (!result.ok) redirect(`/newsroom/stories?error=${encodeURIComponent(result.message)}`);
  redirect(`/newsroom/stories/${result.data.id}`);
}

export async function saveStoryAction(input: unknown) {
  return runCommand(saveArticle, input);
}

export async function transitionAction(step: WorkflowStep, input: unknown) {
  return runCommand(takeWorkflowStep, step, input);
}

export async function addNoteAction(input: unknown) {
  return runCommand(addArticleNote, input);
}

export async function checkInAction(articleId: string) {
  return runCommand(checkIn, id(articleId));
}

export async function reloadStoryAction(articleId: string) {
  return runCommand(loadStoryForEditor, id(articleId));
}

export async function listRevisionsAction(articleId: string) {
  return runCommand(listRevisions, id(articleId));
}

export async function compareRevisionsAction(articleId: string, fromId: string, toId: string) {
  return runCommand(compareRevisions, id(articleId), id(fromId), id(toId));
}

export async function restoreRevisionAction(input: unknown) {
  return runCommand(restoreRevision, input);
}

export async function previewLinkAction(articleId: string) {
  return runCommand(createPreviewLink, id(articleId));
}

export async function searchMediaAction(query: string) {
  return runCommand(searchPickerMedia, text(query));
}

export async function searchStoriesAction(query: string, excludeId: string) {
  return runCommand(searchPickerStories, text(query), id(excludeId));
}

export async function compareWithCurrentAction(articleId: string, mine: unknown) {
  return runCommand(compareWithCurrent, id(articleId), mine);
}

export async function updateLiveAction(input: unknown) {
  return runCommand(updateLiveStory, input);
}

export async function discardChangesAction(input: unknown) {
  return runCommand(discardChanges, input);
}

export async function scheduleLiveUpdateAction(input: unknown) {
  return runCommand(scheduleLiveUpdate, input);
}

export async function compareWithLiveAction(articleId: string) {
  return runCommand(compareWorkingCopyWithLive, id(articleId));
}

export async function liveStateAction(articleId: string) {
  return runCommand(loadLiveState, id(articleId));
}

export async function listPreviewLinksAction(articleId: string) {
  return runCommand(listPreviewLinks, id(articleId));
}

export async function revokePreviewLinkAction(input: unknown) {
  return runCommand(revokePreviewLink, input);
}

// The editor's photos: re-read them (a fix saved on another screen shows without a reload), edit
// their alt text, caption and credit in place, and the photographer and agency lists to pick from.
export async function readMediaAction(ids: unknown) {
  return runCommand(readPickerMedia, ids);
}

// The snapshots of the story's embeds taken so far (a save takes a new embed's).
export async function readEmbedsAction(ids: unknown) {
  return runCommand(readEditorEmbeds, ids);
}

export async function updateMediaDetailsAction(input: unknown) {
  return runCommand(updateMediaDetails, input);
}

export async function listCreditOptionsAction() {
  return runCommand(listCreditOptions);
}

export async function deleteStoryAction(input: unknown) {
  return runCommand(deleteToTrash, input);
}

// The story's embargo: set or extend it (an edit), or lift it early (its own permission, a reason).
export async function setEmbargoAction(input: unknown) {
  return runCommand(setEmbargo, input);
}

export async function liftEmbargoAction(input: unknown) {
  return runCommand(liftEmbargo, input);
}

// A form (the Trash view and a trashed story's page): works before the page's script has loaded.
export async function restoreStoryAction(_state: FormState, form: FormData) {
  return runFormCommand(restoreFromTrash, form);
}
