// "Add a story": a search of published stories (a plain GET form, so it works without script)
// and an Add button per result, which puts the story at the end of the edition.
import { ActionForm } from "@/components/newsroom/action-form";
import { formatDateTime } from "@/lib/format-date";
import type { Actor } from "@/lib/permissions";
import { searchStoriesForEdition } from "@/lib/newsletters/editions/queries";
import { addEditionStoryAction } from "../actions";

type Props = { user: Actor; record: { editionId: string; version: number }; q: string; inEdition: string[] };

export async function AddStory({ user, record, q, inEdition }: Props) {
  const stories = (await searchStoriesForEdition(user, q)).filter((story) => !inEdition.includes(story.id));
  return (
    <>
      <h2 id="add-heading">Add a story</h2>
      <form className="filters" method="get" role="search" aria-label="Search published stories">
        <label className="field">
          <span>Published stories whose headline contains</span>
          <input type="search" name="q" defaultValue={q} maxLength={100} />
        </label>
        <button type="submit">Search</button>
      </form>
      {stories.length === 0 ? (
        <p className="muted">{q ? `No published story matches “${q}”.` : "No other published stories."}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="add-heading">
          {stories.map((story) => (
            <li key={story.id}>
              {story.headline}{" "}
              <span className="muted">
                · {story.section?.name} · {story.publishedAt ? formatDateTime(story.publishedAt.toISOString()) : ""}
              </span>
              <ActionForm action={addEditionStoryAction} submitLabel="Add" pendingLabel="Adding…" successMessage="Added at the end." className="admin-form admin-form--inline">
                <input type="hidden" name="editionId" value={record.editionId} />
                <input type="hidden" name="version" value={record.version} />
                <input type="hidden" name="articleId" value={story.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
