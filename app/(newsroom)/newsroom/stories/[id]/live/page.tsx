import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { readLiveDesk } from "@/lib/live/desk-queries";
import { LiveDesk } from "@/components/newsroom/live/live-desk";
import { MakeLiveButton } from "@/components/newsroom/live/make-live-button";
import "@/components/newsroom/live/live.css";
import * as actions from "./actions";
import { searchMediaAction, searchStoriesAction } from "../../actions";

export const metadata: Metadata = { title: "Live desk" };

type Props = { params: Promise<{ id: string }> };

// A story the person may not read answers 404, as the story editor does.
function hidden(error: unknown): never {
  if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}

export default async function LiveDeskPage({ params }: Props) {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor) redirect(`/sign-in?callbackUrl=/newsroom/stories/${encodeURIComponent(id)}/live`);
  const desk = await readLiveDesk(actor, id).catch(hidden);
  if (!desk.coverage) {
    return (
      <div className="live-desk">
        <h1>
          Live desk: <a href={`/newsroom/stories/${desk.articleId}`}>{desk.headline || "Untitled story"}</a>
        </h1>
        <p>This story is not live coverage. Live coverage keeps the story&apos;s page and workflow and adds timed entries, a score and key points.</p>
        {desk.canManage ? <MakeLiveButton articleId={desk.articleId} makeLive={actions.makeLiveCoverageAction} /> : <p>An editor can make it live coverage.</p>}
      </div>
    );
  }
  return (
    <LiveDesk
      initial={desk}
      actions={{
        read: actions.readLiveDeskAction,
        makeLive: actions.makeLiveCoverageAction,
        updateCoverage: actions.updateCoverageAction,
        post: actions.postEntryAction,
        postScore: actions.postScoreAction,
        edit: actions.editEntryAction,
        remove: actions.deleteEntryAction,
        setPinned: actions.setPinnedAction,
        setKeyEvent: actions.setKeyEventAction,
        promote: actions.promoteEntryAction,
        search: { photos: searchMediaAction, stories: searchStoriesAction },
      }}
    />
  );
}
