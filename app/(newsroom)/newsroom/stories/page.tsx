import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { listStories, parseStoryFilters, STORY_STATUSES } from "@/lib/articles/list-stories";
import { loadEditorOptions } from "@/lib/articles/editor-queries";
import { StoryTable } from "@/components/newsroom/stories/story-table";
import "@/components/newsroom/editor/editor.css";
import { createStoryAction } from "./actions";

export const metadata: Metadata = { title: "Stories" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StoriesPage({ searchParams }: Props) {
  const actor = await getCurrentUser();
  if (!actor) redirect("/sign-in?callbackUrl=/newsroom/stories");
  const params = await searchParams;
  const filters = parseStoryFilters(params);
  const [{ rows, total, pages }, { sections, profiles }] = await Promise.all([listStories(actor, filters), loadEditorOptions(actor)]);
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <section className="stories-screen" aria-labelledby="stories-title">
      <div className="screen-header">
        <h1 id="stories-title">Stories</h1>
        {can(actor, "article.create") && (
          <form action={createStoryAction}><button type="submit" className="button-primary">New story</button></form>
        )}
      </div>
      {error && <p role="alert" className="form-error">{error}</p>}
      <form className="filters" method="get" role="search" aria-label="Filter stories">
        <label className="field"><span>Headline</span><input type="search" name="q" defaultValue={filters.q ?? ""} /></label>
        <label className="field"><span>Status</span>
          <select name="status" defaultValue={filters.status ?? ""}><option value="">Any</option>{STORY_STATUSES.map((s) => <option key={s} value={s}>{s.replace("_", " ").toLowerCase()}</option>)}</select>
        </label>
        <label className="field"><span>Section</span>
          <select name="section" defaultValue={filters.section ?? ""}><option value="">Any</option>{sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
        </label>
        <label className="field"><span>Byline</span>
          <select name="byline" defaultValue={filters.byline ?? ""}><option value="">Anyone</option>{profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <StoryTable rows={rows} total={total} page={filters.page} pages={pages} params={params} />
    </section>
  );
}
