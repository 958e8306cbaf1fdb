import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { listBylineProfiles, type BylineRow } from "@/lib/bylines/queries";
import { createBylineAction } from "./actions";

export const metadata: Metadata = { title: "Bylines" };

const COLUMNS: AdminColumn<BylineRow>[] = [
  { header: "Name", cell: (profile) => <a href={`/newsroom/admin/bylines/${profile.id}`}>{profile.name}</a> },
  { header: "Job title", cell: (profile) => profile.jobTitle || <span className="muted">none</span> },
  { header: "Author page", cell: (profile) => <a href={`/author/${profile.slug}`}>/author/{profile.slug}</a> },
  { header: "Stories", isNumeric: true, cell: (profile) => profile.stories },
  { header: "Account", cell: (profile) => (profile.user ? profile.user.name : <span className="muted">no account</span>) },
];

export default async function BylinesPage() {
  const { user, isAllowed } = await requireScreen("byline.manage", "/newsroom/admin/bylines");
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing bylines" />;
  const profiles = await listBylineProfiles(user);
  return (
    <>
      <h1 className="admin-page-title">Bylines</h1>
      <p className="admin-lead">
        The people readers see in bylines, with or without an account: staff, freelancers, agency writers. Each has a public author page listing their published stories. Two profiles for one person can be
        merged without losing any story&apos;s byline.
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="profiles-heading">
          <h2 id="profiles-heading">Profiles ({profiles.length})</h2>
          <AdminTable rows={profiles} columns={COLUMNS} rowKey={(profile) => profile.id} labelledBy="profiles-heading" />
        </section>
        <section className="admin-section" aria-labelledby="new-byline-heading">
          <h2 id="new-byline-heading">Add a profile</h2>
          <ActionForm action={createBylineAction} submitLabel="Create profile" successMessage="Profile created." followHref>
            <label>
              Name
              <input name="name" required maxLength={120} />
            </label>
            <label>
              Job title <span className="hint">e.g. &quot;Football writer&quot; or &quot;Freelance&quot;</span>
              <input name="jobTitle" maxLength={120} />
            </label>
            <label>
              Address <span className="hint">/author/…, made from the name if left empty</span>
              <input name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
            </label>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
