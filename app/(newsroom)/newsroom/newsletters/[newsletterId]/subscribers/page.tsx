import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { requireScreen } from "@/lib/auth/screen";
import { formatDateTime } from "@/lib/format-date";
import { getNewsletterName } from "@/lib/newsletters/queries";
import { listSubscribers, parseSubscriberFilter, SUBSCRIBER_STATUSES, type SubscriberRow } from "@/lib/newsletters/subscribers-admin/queries";
import { eraseSubscriberAction, importSubscribersAction } from "../../actions";

export const metadata: Metadata = { title: "Subscribers" };

type Props = { params: Promise<{ newsletterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: AdminColumn<SubscriberRow>[] = [
  { header: "Address", cell: (row) => row.email },
  { header: "Status", cell: (row) => row.status.toLowerCase() },
  { header: "Newsletters", cell: (row) => row.subscriptions.map((s) => `${s.newsletter.name} (${s.status.toLowerCase()})`).join(", ") },
  { header: "Signed up", cell: (row) => formatDateTime(row.createdAt.toISOString()) },
  {
    header: "Erase",
    isHeaderHidden: true,
    cell: (row) => (
      <ActionForm
        action={eraseSubscriberAction}
        submitLabel={`Erase ${row.email}`}
        pendingLabel="Erasing…"
        successMessage="Erased."
        confirmMessage={`Erase ${row.email}? Their address, subscriptions and sending history are deleted for good; only a hash stays, so the address is not imported again by mistake.`}
        isDanger
        className="admin-form admin-form--inline"
      >
        <input type="hidden" name="id" value={row.id} />
      </ActionForm>
    ),
  },
];

export default async function SubscribersPage({ params, searchParams }: Props) {
  const { newsletterId: id } = await params;
  const { user, isAllowed } = await requireScreen("subscriber.manage", `/newsroom/newsletters/${id}/subscribers`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing subscribers" />;
  const newsletter = await getNewsletterName(user, id);
  if (!newsletter) notFound();
  const query = await searchParams;
  const filter = { ...parseSubscriberFilter(query), newsletterId: id };
  const { rows, total, pages, countsByNewsletter } = await listSubscribers(user, filter);
  const counts = countsByNewsletter.get(id) ?? {};
  const exportQuery = new URLSearchParams({ newsletter: id, ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}) });
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/newsletters">Newsletters</a> / <a href={`/newsroom/newsletters/${id}/settings`}>{newsletter.name}</a> /
      </p>
      <h1 className="admin-page-title">Subscribers of {newsletter.name}</h1>
      <p className="admin-lead">
        {["CONFIRMED", "PENDING", "UNSUBSCRIBED"].map((status) => `${counts[status] ?? 0} ${status.toLowerCase()}`).join(" · ")} ·{" "}
        <a href={`/api/newsroom/newsletters/subscribers/export?${exportQuery}`} download>
          Export CSV
        </a>
      </p>
      <form className="admin-form admin-form--inline" method="get" role="search" aria-label="Subscribers">
        <label>
          Address contains
          <input name="q" type="search" defaultValue={filter.q} maxLength={200} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {SUBSCRIBER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <section className="admin-section" aria-labelledby="subscribers-heading">
        <h2 id="subscribers-heading">
          {total} {total === 1 ? "subscriber" : "subscribers"}
        </h2>
        <AdminTable rows={rows} columns={COLUMNS} rowKey={(row) => row.id} labelledBy="subscribers-heading" empty="No subscribers match." />
        <Pager page={filter.page} pages={pages} params={query} />
      </section>
      <section className="admin-section" aria-labelledby="import-heading">
        <h2 id="import-heading">Import addresses</h2>
        <p className="muted">
          One address a line, or a CSV with the address first (up to 5,000). They are added as pending: nobody gets an edition before confirming. A list holding an invalid or an erased address is refused whole,
          naming them.
        </p>
        <ActionForm action={importSubscribersAction} submitLabel="Import as pending" pendingLabel="Importing…" successMessage="Imported as pending subscribers." resetOnSuccess>
          <input type="hidden" name="newsletterId" value={id} />
          <label>
            Addresses
            <textarea name="addresses" rows={6} required />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
