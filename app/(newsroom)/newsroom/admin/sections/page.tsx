import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { SectionFields } from "@/components/newsroom/section-fields";
import { requireScreen } from "@/lib/auth/screen";
import { listSectionsForAdmin } from "@/lib/sections/queries";
import { listTagsForAdmin, type TagRow } from "@/lib/tags/queries";
import { createSectionAction, createTagAction, updateSectionAction } from "./actions";

export const metadata: Metadata = { title: "Sections & tags" };

const TAG_COLUMNS: AdminColumn<TagRow>[] = [
  { header: "Tag", cell: (tag) => <a href={`/newsroom/admin/sections/tags/${tag.id}`}>{tag.name}</a> },
  { header: "Address", cell: (tag) => <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a> },
  { header: "Stories", isNumeric: true, cell: (tag) => tag.stories },
];

export default async function SectionsPage() {
  const { user, isAllowed } = await requireScreen("section.manage", "/newsroom/admin/sections");
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing sections and tags" />;
  const [sections, tags] = await Promise.all([listSectionsForAdmin(user), listTagsForAdmin(user)]);
  return (
    <>
      <h1 className="admin-page-title">Sections &amp; tags</h1>
      <p className="admin-lead">Renaming a section or a tag keeps its old address working: readers and search engines are sent on to the new one.</p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="sections-heading">
          <h2 id="sections-heading">Sections ({sections.length})</h2>
          <ul className="plain-list">
            {sections.map((section) => (
              <li key={section.id}>
                <p className="muted">
                  <a href={`/${section.slug}`}>/{section.slug}</a> · {section.stories} {section.stories === 1 ? "story" : "stories"}
                </p>
                <ActionForm action={updateSectionAction} record={{ id: section.id, version: section.version }} submitLabel="Save section">
                  <SectionFields section={section} />
                </ActionForm>
              </li>
            ))}
          </ul>
          <h3>Add a section</h3>
          <ActionForm action={createSectionAction} submitLabel="Create section" successMessage="Section created." resetOnSuccess>
            <SectionFields />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="tags-heading">
          <h2 id="tags-heading">Tags ({tags.length})</h2>
          <AdminTable rows={tags} columns={TAG_COLUMNS} rowKey={(tag) => tag.id} labelledBy="tags-heading" />
          <h3>Add a tag</h3>
          <ActionForm action={createTagAction} submitLabel="Create tag" successMessage="Tag created." resetOnSuccess className="admin-form admin-form--inline">
            <label>
              Name
              <input name="name" required maxLength={60} />
            </label>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
