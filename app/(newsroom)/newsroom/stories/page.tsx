import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { countTrashedStories, listStories, listTrashedStories, parseStoryFilters, STORY_STATUSES, type StoryFilters } from "@/lib/articles/list-stories";
import { loadEditorOptions } from "@/lib/articles/editor-queries";
import { TRASH_DAYS } from "@/lib/articles/trash/trash-rules";
import type { SessionUser } from "@/lib/auth";
import { StoryTable } from "@/components/newsroom/stories/story-table";
import { TrashTable } from "@/components/newsroom/stories/trash-table";
import { Pager } from "@/components/newsroom/pager";
import "@/components/newsroom/editor/editor.css";
import "@/components/newsroom/stories/stories.css";
import { createStoryAction, restoreStoryAction } from "./actions";

export const metadata: Metadata = { title: "Stories" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function TrashView({ actor, filters, isJustTrashed }: { actor: SessionUser; filters: StoryFilters; isJustTrashed: boolean }) {
  const { rows, total, pages } = await listTrashedStories(actor, filters.page);
  const page = filters.page;
  return (
    <>
      {isJustTrashed && (
        <p role="status" className="notice">
          Moved to the trash. Restore it here within {TRASH_DAYS} days.
        </p>
      )}
      <p className="muted">Deleted stories stay here for {TRASH_DAYS} days, then they are deleted for good.</p>
      <TrashTable rows={rows} total={total} restore={restoreStoryAction} canRestore={(row) => can(actor, "article.restore", row)} labelledBy="stories-title" />
      <Pager page={page} pages={pages} href={(to) => `?view=trash&page=${to}`} />
    </>
  );
}

export default async function StoriesPage({ searchParams }: Props) {
  const actor = await getCurrentUser();
  if (!actor) redirect("/sign-in?callbackUrl=/newsroom/stories");
  const params = await searchParams;
  const filters = parseStoryFilters(params);
  const isTrash = filters.view === "trash";
  const [{ rows, total, pages }, { sections, profiles }, trashed] = await Promise.all([
    isTrash ? { rows: [], total: 0, pages: 1 } : listStories(actor, filters),
    loadEditorOptions(actor),
    countTrashedStories(actor),
  ]);
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <section className="stories-screen" aria-labelledby="stories-title">
      <div className="screen-header">
        <h1 id="stories-title">{isTrash ? "Trash" : "Stories"}</h1>
        <div className="screen-header-actions">
          {isTrash ? <a href="/newsroom/stories">← All stories</a> : <a href="/newsroom/stories?view=trash">Trash ({trashed})</a>}
          {can(actor, "article.create") && (
            <form action={createStoryAction}>
              <button type="submit" className="button-primary">
                New story
              </button>
            </form>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {isTrash ? (
        <TrashView actor={actor} filters={filters} isJustTrashed={typeof params.trashed === "string"} />
      ) : (
        <>
          <form className="filters" method="get" role="search" aria-label="Filter stories">
            <label className="field">
              <span>Headline</span>
              <input type="search" name="q" defaultValue={filters.q ?? ""} />
            </label>
            <label className="field">
              <span>Status</span>
              <select name="status" defaultValue={filters.status ?? ""}>
                <option value="">Any</option>
                {STORY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace("_", " ").toLowerCase()}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Section</span>
              <select name="section" defaultValue={filters.section ?? ""}>
                <option value="">Any</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Byline</span>
              <select name="byline" defaultValue={filters.byline ?? ""}>
                <option value="">Anyone</option>
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Filter</button>
          </form>
          <StoryTable rows={rows} total={total} page={filters.page} pages={pages} params={params} labelledBy="stories-title" />
        </>
      )}
    </section>
  );
}
