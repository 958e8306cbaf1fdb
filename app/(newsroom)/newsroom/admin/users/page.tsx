import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { RoleSelect } from "@/components/newsroom/role-select";
import { requireScreen } from "@/lib/auth/screen";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/format-date";
import { listUsers, type UserRow } from "@/lib/users/queries";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const COLUMNS: AdminColumn<UserRow>[] = [
  { header: "Name", cell: (user) => <a href={`/newsroom/admin/users/${user.id}`}>{user.name}</a> },
  { header: "Email", cell: (user) => user.email },
  { header: "Role", cell: (user) => user.role.toLowerCase() },
  { header: "Status", cell: (user) => (user.isDisabled ? <span className="status-badge status-badge--off">disabled</span> : <span className="status-badge">active</span>) },
  { header: "Last sign-in", cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt.toISOString()) : <span className="muted">never</span>) },
  { header: "Byline", cell: (user) => (user.bylineProfile ? <a href={`/newsroom/admin/bylines/${user.bylineProfile.id}`}>{user.bylineProfile.name}</a> : <span className="muted">none</span>) },
];

export default async function UsersPage() {
  const { user, isAllowed } = await requireScreen("user.manage", "/newsroom/admin/users");
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing users" />;
  const users = await listUsers(user);
  return (
    <>
      <h1 className="admin-page-title">Users</h1>
      <p className="admin-lead">Everyone who can sign in to the newsroom. Disabling an account signs that person out at once; the newsroom always keeps at least one active admin.</p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="users-heading">
          <h2 id="users-heading">Accounts ({users.length})</h2>
          <AdminTable rows={users} columns={COLUMNS} rowKey={(row) => row.id} rowClassName={(row) => (row.isDisabled ? "is-disabled" : undefined)} labelledBy="users-heading" />
        </section>
        <section className="admin-section" aria-labelledby="new-user-heading">
          <h2 id="new-user-heading">Add a user</h2>
          <ActionForm action={createUserAction} submitLabel="Create account" successMessage="Account created." resetOnSuccess>
            <label>
              Name
              <input name="name" required maxLength={120} />
            </label>
            <label>
              Email
              <input name="email" type="email" required autoComplete="off" />
            </label>
            <label>
              Role
              <RoleSelect />
            </label>
            <label>
              First password <span className="hint">At least {PASSWORD_MIN_LENGTH} characters. Give it to them in person; an admin can reset it later.</span>
              <input name="password" type="password" required minLength={PASSWORD_MIN_LENGTH} autoComplete="new-password" />
            </label>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
