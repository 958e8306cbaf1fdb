"use server";
// Server actions of the story screens: thin wrappers. Each one asks who is calling and lets lib/
// check permission and validate; errors come back as results the screen can show.
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { runAction } from "@/lib/action-result";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save-article";
import { takeWorkflowStep } from "@/lib/articles/workflow";
import type { WorkflowStep } from "@/lib/articles/workflow-steps";
import { addArticleNote } from "@/lib/articles/notes";
import { checkIn } from "@/lib/articles/presence";
import { compareRevisions, compareWithCurrent, listRevisions, restoreRevision } from "@/lib/articles/history";
import { createPreviewLink, listPreviewLinks, revokePreviewLink } from "@/lib/articles/preview";
import { compareWorkingCopyWithLive, loadLiveState, loadStoryForEditor, readPickerMedia, searchPickerMedia, searchPickerStories } from "@/lib/articles/editor-queries";
import { discardChanges, scheduleLiveUpdate, updateLiveStory } from "@/lib/articles/update-live";
import { writeContext } from "@/lib/auth/screen";
import { listCreditOptions } from "@/lib/media/library-queries";
import { updateMediaDetails } from "@/lib/media/update-media-details";
import { deleteToTrash, restoreFromTrash } from "@/lib/articles/trash";
import type { FormState } from "@/components/newsroom/action-form";
import { runFormCommand } from "../admin/run-form-command";
import { hasUnstorableCharacters } from "@/lib/text-input";


// Arguments arrive as whatever a caller posts, not only what the editor sends: anything but text
// is no id (String() of some values throws or recurses without end).
function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

// An id holding a character no database stores the same way (a NUL, half an emoji) is no id:
// it finds nothing on SQLite and PostgreSQL alike, instead of an error on PostgreSQL.
function id(value: unknown): string {
  return typeof value === "string" && !hasUnstorableCharacters(value) ? value : "";
}

export async function createStoryAction(): Promise<void> {
  const result = await runAction(async () => createArticle(await getCurrentUser(), {}));
  if (!result.ok) redirect(`/newsroom/stories?error=${encodeURIComponent(result.message)}`);
  redirect(`/newsroom/stories/${result.data.id}`);
}

export async function saveStoryAction(input: unknown) {
  return runAction(async () => saveArticle(await getCurrentUser(), input));
}

export async function transitionAction(step: WorkflowStep, input: unknown) {
  return runAction(async () => takeWorkflowStep(await getCurrentUser(), step, input));
}

export async function addNoteAction(input: unknown) {
  return runAction(async () => addArticleNote(await getCurrentUser(), input));
}

export async function checkInAction(articleId: string) {
  return runAction(async () => checkIn(await getCurrentUser(), id(articleId)));
}

export async function reloadStoryAction(articleId: string) {
  return runAction(async () => loadStoryForEditor(await getCurrentUser(), id(articleId)));
}

export async function listRevisionsAction(articleId: string) {
  return runAction(async () => listRevisions(await getCurrentUser(), id(articleId)));
}

export async function compareRevisionsAction(articleId: string, fromId: string, toId: string) {
  return runAction(async () => compareRevisions(await getCurrentUser(), id(articleId), id(fromId), id(toId)));
}

export async function restoreRevisionAction(input: unknown) {
  return runAction(async () => restoreRevision(await getCurrentUser(), input));
}

export async function previewLinkAction(articleId: string) {
  return runAction(async () => createPreviewLink(await getCurrentUser(), id(articleId)));
}

export async function searchMediaAction(query: string) {
  return runAction(async () => searchPickerMedia(await getCurrentUser(), text(query)));
}

export async function searchStoriesAction(query: string, excludeId: string) {
  return runAction(async () => searchPickerStories(await getCurrentUser(), text(query), id(excludeId)));
}

export async function compareWithCurrentAction(articleId: string, mine: unknown) {
  return runAction(async () => compareWithCurrent(await getCurrentUser(), id(articleId), mine));
}

export async function updateLiveAction(input: unknown) {
  return runAction(async () => updateLiveStory(await getCurrentUser(), input));
}

export async function discardChangesAction(input: unknown) {
  return runAction(async () => discardChanges(await getCurrentUser(), input));
}

export async function scheduleLiveUpdateAction(input: unknown) {
  return runAction(async () => scheduleLiveUpdate(await getCurrentUser(), input));
}

export async function compareWithLiveAction(articleId: string) {
  return runAction(async () => compareWorkingCopyWithLive(await getCurrentUser(), id(articleId)));
}

export async function liveStateAction(articleId: string) {
  return runAction(async () => loadLiveState(await getCurrentUser(), id(articleId)));
}

export async function listPreviewLinksAction(articleId: string) {
  return runAction(async () => listPreviewLinks(await getCurrentUser(), id(articleId)));
}

export async function revokePreviewLinkAction(input: unknown) {
  return runAction(async () => revokePreviewLink(await getCurrentUser(), input));
// The editor's photos: re-read them (a fix saved on another screen shows without a reload), edit
// their alt text, caption and credit in place, and the photographer and agency lists to pick from.

}

export async function readMediaAction(ids: unknown) {
  return runAction(async () => readPickerMedia(await getCurrentUser(), ids));
}

export async function updateMediaDetailsAction(input: unknown) {
  return runAction(async () => updateMediaDetails(await getCurrentUser(), input, await writeContext()));
}

export async function listCreditOptionsAction() {
  return runAction(async () => listCreditOptions(await getCurrentUser()));
}

export async function deleteStoryAction(input: unknown) {
  return runAction(async () => deleteToTrash(await getCurrentUser(), input));
}

// A form (the Trash view and a trashed story's page): works before the page's script has loaded.
export async function restoreStoryAction(_state: FormState, form: FormData) {
  return runFormCommand(restoreFromTrash, form);
}
