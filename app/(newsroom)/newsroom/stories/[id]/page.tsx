import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { isAppError } from "@/lib/errors";
import { loadEditorOptions, loadStoryForEditor } from "@/lib/articles/editor-queries";
import { StoryEditor } from "@/components/newsroom/editor/story-editor";
import * as actions from "../actions";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }> };

export default async function EditStoryPage({ params }: Props) {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor) redirect(`/sign-in?callbackUrl=/newsroom/stories/${encodeURIComponent(id)}`);
  const story = await loadStoryForEditor(actor, id).catch((error) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const { sections, profiles } = await loadEditorOptions(actor);
  const permissions = {
    canEdit: can(actor, "article.edit", story),
    canPublish: can(actor, "article.publish"),
    canUnpublish: can(actor, "article.unpublish"),
    canSchedule: can(actor, "article.schedule"),
    canCorrect: can(actor, "article.correct"),
    canEditMedia: can(actor, "media.edit"),
  };
  return (
    <StoryEditor
      key={`${story.id}:${story.version}`}
      story={story}
      sections={sections}
      profiles={profiles}
      permissions={permissions}
      actions={{
        save: actions.saveStoryAction,
        transition: actions.transitionAction,
        addNote: actions.addNoteAction,
        checkIn: actions.checkInAction,
        reload: actions.reloadStoryAction,
        listRevisions: actions.listRevisionsAction,
        compareRevisions: actions.compareRevisionsAction,
        compareWithCurrent: actions.compareWithCurrentAction,
        restoreRevision: actions.restoreRevisionAction,
        previewLink: actions.previewLinkAction,
        listPreviewLinks: actions.listPreviewLinksAction,
        revokePreviewLink: actions.revokePreviewLinkAction,
        searchMedia: actions.searchMediaAction,
        searchStories: actions.searchStoriesAction,
        updateLive: actions.updateLiveAction,
        discardChanges: actions.discardChangesAction,
        scheduleLiveUpdate: actions.scheduleLiveUpdateAction,
        compareWithLive: actions.compareWithLiveAction,
        liveState: actions.liveStateAction,
        readMedia: actions.readMediaAction,
        updateMediaDetails: actions.updateMediaDetailsAction,
        listCreditOptions: actions.listCreditOptionsAction,
      }}
    />
  );
}

