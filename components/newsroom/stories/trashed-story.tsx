import type { FormAction } from "@/components/newsroom/action-form";
import type { TrashedStory } from "@/lib/articles/open-story";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { RestoreForm } from "./restore-form";

// What opening a story in the trash shows instead of the editor.
export function TrashedStoryView({ story, restore }: { story: TrashedStory; restore: FormAction }) {
  return (
    <section className="trashed-story" aria-labelledby="trashed-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/stories?view=trash">← Trash</a>
      </p>
      <h1 id="trashed-title">{story.headline || "(no headline yet)"}</h1>
      <div className="notice notice--trash" role="status">
        <p>
          This story is in the trash: moved there by {story.deletedBy ?? "someone"} on <time dateTime={story.deletedAt}>{formatDateTime(story.deletedAt)}</time>. It will be deleted for good on{" "}
          <time dateTime={story.purgeAt}>{formatDate(story.purgeAt)}</time> unless it is restored.
        </p>
      </div>
      {story.canRestore ? <RestoreForm articleId={story.id} version={story.version} action={restore} /> : <p className="muted">Only an editor (or the person who wrote this draft) can restore it.</p>}
    </section>
  );
}
