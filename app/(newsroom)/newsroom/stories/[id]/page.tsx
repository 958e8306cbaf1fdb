import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { isAppError } from "@/lib/errors";
import { loadArticlePage } from "@/lib/articles/page/article-page";
import { loadEditorOptions, loadStoryForEditor } from "@/lib/articles/editor-queries";
import { openStory } from "@/lib/articles/open-story";
import { renderStoryBody } from "@/components/site/story/story-body";
import { StoryEditor } from "@/components/newsroom/editor/story-editor";
import { TrashedStoryView } from "@/components/newsroom/stories/trashed-story";
import { BylineStoryView } from "@/components/newsroom/stories/byline-story";
import { ArticleView } from "@/components/site/story/article-view";
import "@/components/newsroom/stories/stories.css";
import * as actions from "../actions";
import { WireBanner } from "@/components/newsroom/wire/wire-banner";
import { comparePendingUpdate } from "@/lib/wire/desk";
import { readWireNoticeForStory } from "@/lib/wire/queries";
import { applyWireUpdateAction, dismissWireUpdateAction, unpublishCanceledAction } from "../../wire/actions";
import "@/components/newsroom/wire/wire.css";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }> };

// A story the person may not read answers 404: the page does not tell that it exists.
function hidden(error: unknown): never {
  if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}

export default async function EditStoryPage({ params }: Props) {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor) redirect(`/sign-in?callbackUrl=/newsroom/stories/${encodeURIComponent(id)}`);
  const door = await openStory(actor, id).catch(hidden);
  if (door.kind === "trash") return <TrashedStoryView story={door.story} restore={actions.restoreStoryAction} />;
  if (door.kind === "byline") {
    const loaded = await loadArticlePage(door.slug, false);
    if (!loaded) notFound();
    const { page } = loaded;
    return (
      <BylineStoryView status={door.status}>
        <ArticleView article={page} body={renderStoryBody(page.body, page.records, `byline ${page.id}`)} />
      </BylineStoryView>
    );
  }
  const story = await loadStoryForEditor(actor, id).catch(hidden);
  const { sections, profiles } = await loadEditorOptions(actor);
  const permissions = {
    canEdit: can(actor, "article.edit", story),
    canPublish: can(actor, "article.publish"),
    canUnpublish: can(actor, "article.unpublish"),
    canSchedule: can(actor, "article.schedule"),
    canCorrect: can(actor, "article.correct"),
    canEditMedia: can(actor, "media.edit"),
    canDelete: can(actor, "article.delete", story),
    canLiftEmbargo: can(actor, "article.liftEmbargo", story),
  };
  const wire = await readWireNoticeForStory(actor, story.id);
  const pending = wire?.pendingVersion && permissions.canEdit ? await comparePendingUpdate(actor, wire.wireItemId) : null;
  return (
    <>
      {wire && (
        <WireBanner
          notice={wire}
          pending={pending}
          articleVersion={story.version}
          canEdit={permissions.canEdit}
          canUnpublish={permissions.canUnpublish}
          actions={{ apply: applyWireUpdateAction, dismiss: dismissWireUpdateAction, unpublish: unpublishCanceledAction }}
        />
      )}
      {/* The live desk: entries, score and coverage, or "Make live coverage" for a story not yet live. */}
      <p className="story-live-link">
        <a href={`/newsroom/stories/${story.id}/live`}>Live coverage desk</a>
      </p>
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
          readEmbeds: actions.readEmbedsAction,
          updateMediaDetails: actions.updateMediaDetailsAction,
          listCreditOptions: actions.listCreditOptionsAction,
          deleteStory: actions.deleteStoryAction,
          setEmbargo: actions.setEmbargoAction,
          liftEmbargo: actions.liftEmbargoAction,
        }}
      />
    </>
  );
}
