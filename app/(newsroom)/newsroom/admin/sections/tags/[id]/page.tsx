import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { MergeForm } from "@/components/newsroom/merge-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { listTagsForAdmin } from "@/lib/tags/queries";
import { mergeTagsAction, renameTagAction } from "../../actions";

export const metadata: Metadata = { title: "Tag" };

type Props = { params: Promise<{ id: string }> };

export default async function TagPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("tag.manage", `/newsroom/admin/sections/tags/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing tags" />;
  const tags = await listTagsForAdmin(user);
  const tag = tags.find((candidate) => candidate.id === id);
  if (!tag) notFound();
  const others = tags.filter((candidate) => candidate.id !== id);
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/admin/sections">Sections &amp; tags</a> /
      </p>
      <h1 className="admin-page-title">{tag.name}</h1>
      <p className="admin-lead">
        {tag.stories} {tag.stories === 1 ? "story" : "stories"} · <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a> · <a href={`/newsroom/admin/audit?entityType=Tag&entityId=${tag.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="rename-heading">
          <h2 id="rename-heading">Rename</h2>
          <p className="muted">The address follows the name; /tag/{tag.slug} keeps working and redirects.</p>
          <ActionForm action={renameTagAction} record={{ id: tag.id, version: tag.version }} submitLabel="Rename tag" successMessage="Renamed." className="admin-form admin-form--inline">
            <label>
              Name
              <input name="name" defaultValue={tag.name} required maxLength={60} />
            </label>
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="merge-tag-heading">
          <h2 id="merge-tag-heading">Merge into another tag</h2>
          <p className="muted">Every story tagged {tag.name} gets the tag you choose instead; this tag is deleted and its page redirects.</p>
          <MergeForm action={mergeTagsAction} noun="tag" source={tag} targets={others.map((other) => ({ id: other.id, version: other.version, label: `${other.name} (${other.stories})` }))} />
        </section>
      </div>
    </>
  );
}
