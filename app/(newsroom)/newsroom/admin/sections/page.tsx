import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { SectionFields } from "@/components/newsroom/section-fields";
import { requireScreen } from "@/lib/auth/screen";
import { listSectionsForAdmin } from "@/lib/sections/queries";
import { listTagsForAdmin } from "@/lib/tags/queries";
import { createSectionAction, createTagAction, updateSectionAction } from "./actions";

export const metadata: Metadata = { title: "Sections & tags" };

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
                <ActionForm action={updateSectionAction} submitLabel="Save section">
                  <input type="hidden" name="id" value={section.id} />
                  <input type="hidden" name="version" value={section.version} />
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
          <div className="admin-table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th>Tag</th>
                  <th>Address</th>
                  <th className="numeric">Stories</th>
                </tr>
              </thead>
              <tbody>
                {tags.map((tag) => (
                  <tr key={tag.id}>
                    <td>
                      <a href={`/newsroom/admin/sections/tags/${tag.id}`}>{tag.name}</a>
                    </td>
                    <td>
                      <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a>
                    </td>
                    <td className="numeric">{tag.stories}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
