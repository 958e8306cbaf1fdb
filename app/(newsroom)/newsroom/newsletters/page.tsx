import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { formatDateTime } from "@/lib/format-date";
import { isEmailConfigured } from "@/lib/newsletters/mailer";
import { listNewsletters, type NewsletterRow } from "@/lib/newsletters/queries";
import { describeSchedule } from "@/lib/newsletters/schedule";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage() {
  const { user, isAllowed } = await requireScreen("edition.edit", "/newsroom/newsletters");
  if (!isAllowed) return <NotAllowed role={user.role} screen="newsletters" />;
  const newsletters = await listNewsletters(user);
  const canManage = can(user, "newsletter.manage");
  const canSeeSubscribers = can(user, "subscriber.manage");
  const columns: AdminColumn<NewsletterRow>[] = [
    {
      header: "Newsletter",
      cell: (row) => (
        <>
          <a href={`/newsroom/newsletters/${row.id}/editions`}>{row.name}</a> {row.isMain && <span className="badge">Main</span>} {row.isArchived && <span className="badge badge--warning">Archived</span>}
          <br />
          <span className="muted">{describeSchedule(row.scheduleDays, row.scheduleTime)}</span>
        </>
      ),
    },
    { header: "Confirmed", isNumeric: true, cell: (row) => row.confirmed },
    { header: "Pending", isNumeric: true, cell: (row) => row.pending },
    { header: "Next edition", cell: (row) => (row.nextSend ? formatDateTime(row.nextSend.toISOString()) : <span className="muted">none</span>) },
    {
      header: "Open",
      isHeaderHidden: true,
      cell: (row) => (
        <>
          <a href={`/newsroom/newsletters/${row.id}/editions`}>Editions</a>
          {canManage && (
            <>
              {" · "}
              <a href={`/newsroom/newsletters/${row.id}/settings`}>Settings</a>
            </>
          )}
          {canSeeSubscribers && (
            <>
              {" · "}
              <a href={`/newsroom/newsletters/${row.id}/subscribers`}>Subscribers</a>
            </>
          )}
        </>
      ),
    },
  ];
  return (
    <>
      <h1 className="admin-page-title">Newsletters</h1>
      {!isEmailConfigured() && (
        <p className="warning-bar" role="status">
          Email is not configured: set SMTP_URL. Sign-ups are recorded as pending; nothing is sent.
        </p>
      )}
      <p className="admin-lead">
        Readers sign up from the newsletter block in stories and confirm by email; only confirmed subscribers get editions. {canManage && <a href="/newsroom/newsletters/new">New newsletter</a>}
      </p>
      <section className="admin-section" aria-labelledby="newsletters-heading">
        <h2 id="newsletters-heading">Newsletters ({newsletters.length})</h2>
        <AdminTable
          rows={newsletters}
          columns={columns}
          rowKey={(row) => row.id}
          labelledBy="newsletters-heading"
          empty={canManage ? "No newsletters yet: create the first one." : "No newsletters yet: an admin creates them."}
        />
      </section>
    </>
  );
}
