import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { RoleSelect } from "@/components/newsroom/role-select";
import { AccountAccessForm, ResetPasswordForm } from "@/components/newsroom/user-access-forms";
import { requireScreen } from "@/lib/auth/screen";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/format-date";
import { getUser } from "@/lib/users/queries";
import { listSessions } from "@/lib/auth/user-sessions";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction, signOutEverywhereAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const { id } = await params;
  const { user: me, isAllowed } = await requireScreen("user.manage", `/newsroom/admin/users/${id}`);
  if (!isAllowed) return <NotAllowed role={me.role} screen="managing users" />;
  const user = await getUser(me, id);
  if (!user) notFound();
  const isMe = user.id === me.id;
  const sessions = await listSessions(me, user.id);
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/admin/users">Users</a> /
      </p>
      <h1 className="admin-page-title">{user.name}</h1>
      <p className="admin-lead">
        {user.email} · {user.role.toLowerCase()} · {user.isDisabled ? "disabled" : "active"} · last signed in {user.lastSignInAt ? formatDateTime(user.lastSignInAt.toISOString()) : "never"} ·{" "}
        <a href={`/newsroom/admin/audit?entityType=User&entityId=${user.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <div>
          <section className="admin-section" aria-labelledby="details-heading">
            <h2 id="details-heading">Name and email</h2>
            <ActionForm action={updateUserAction} record={{ id: user.id, version: user.version }} submitLabel="Save">
              <div className="form-row">
                <label>
                  Name
                  <input name="name" defaultValue={user.name} required maxLength={120} />
                </label>
                <label>
                  Email
                  <input name="email" type="email" defaultValue={user.email} required />
                </label>
              </div>
            </ActionForm>
          </section>
          <section className="admin-section" aria-labelledby="role-heading">
            <h2 id="role-heading">Role</h2>
            <ActionForm action={changeUserRoleAction} record={{ id: user.id, version: user.version }} submitLabel="Change role" successMessage="Role changed." className="admin-form admin-form--inline">
              <label>
                Role
                <RoleSelect defaultValue={user.role} />
              </label>
            </ActionForm>
          </section>
        </div>
        <div>
          <AccountAccessForm user={user} isMe={isMe} action={setUserDisabledAction} />
          <ResetPasswordForm user={user} minLength={PASSWORD_MIN_LENGTH} action={resetUserPasswordAction} />
          <section className="admin-section" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Sessions</h2>
            <p>
              {sessions.length === 0
                ? "Not signed in anywhere."
                : `Signed in on ${sessions.length} browser${sessions.length === 1 ? "" : "s"}; last seen ${formatDateTime(sessions[0].lastSeenAt.toISOString())}.`}
            </p>
            <ActionForm action={signOutEverywhereAction} submitLabel="Sign out everywhere" successMessage="Every session of this account has ended." isDanger>
              <input type="hidden" name="userId" value={user.id} />
            </ActionForm>
          </section>
        </div>
      </div>
    </>
  );
}
