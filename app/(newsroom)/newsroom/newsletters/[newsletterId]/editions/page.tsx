import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { EditionStatus } from "@/components/newsroom/newsletters/edition-status";
import { requireScreen } from "@/lib/auth/screen";
import { formatDateTime } from "@/lib/format-date";
import { getNewsletterForEditions, listEditions, type EditionListRow } from "@/lib/newsletters/editions/queries";
import { isRecordId } from "@/lib/editor/record-id";
import { assembleEditionAction } from "./actions";
import { describeSchedule } from "@/lib/newsletters/schedule";

export const metadata: Metadata = { title: "Editions" };

type Props = { params: Promise<{ newsletterId: string }> };

function columns(newsletterId: string): AdminColumn<EditionListRow>[] {
  return [
    { header: "Subject", cell: (row) => <a href={`/newsroom/newsletters/${newsletterId}/editions/${row.id}`}>{row.subject}</a> },
    { header: "Status", cell: (row) => <EditionStatus status={row.status} /> },
    { header: "Goes out", cell: (row) => formatDateTime((row.sentAt ?? row.scheduledFor).toISOString()) },
    { header: "Stories", isNumeric: true, cell: (row) => row.stories },
    { header: "Recipients", isNumeric: true, cell: (row) => row.deliveries },
  ];
}

export default async function EditionsPage({ params }: Props) {
  const { newsletterId } = await params;
  const path = `/newsroom/newsletters/${newsletterId}/editions`;
  const { user, isAllowed } = await requireScreen("edition.edit", path);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing newsletter editions" />;
  const newsletter = isRecordId(newsletterId) ? await getNewsletterForEditions(user, newsletterId) : null;
  if (!newsletter) notFound();
  const { upcoming, past } = await listEditions(user, newsletter.id);
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/newsletters">Newsletters</a> /
      </p>
      <h1 className="admin-page-title">{newsletter.name}: editions</h1>
      <p className="admin-lead">
        {describeSchedule(newsletter.scheduleDays, newsletter.scheduleTime)}. Assembling picks the lead story and each section&apos;s top stories published since the last edition; you can then reorder, trim and
        introduce them before it goes.
      </p>
      {!newsletter.isArchived && (
        <ActionForm action={assembleEditionAction} submitLabel="Assemble next edition" pendingLabel="Assembling…" successMessage="Edition assembled." followHref className="admin-form admin-form--inline">
          <input type="hidden" name="newsletterId" value={newsletter.id} />
        </ActionForm>
      )}
      <section className="admin-section" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming and drafts</h2>
        <AdminTable rows={upcoming} columns={columns(newsletter.id)} rowKey={(row) => row.id} labelledBy="upcoming-heading" empty="No edition is waiting: assemble the next one." />
      </section>
      <section className="admin-section" aria-labelledby="past-heading">
        <h2 id="past-heading">Sent and cancelled</h2>
        <AdminTable rows={past} columns={columns(newsletter.id)} rowKey={(row) => row.id} labelledBy="past-heading" empty="Nothing has been sent yet." />
        <p>
          <a href={`/newsletter/archive/${newsletter.slug}`}>Public archive of sent editions</a>
        </p>
      </section>
    </>
  );
}
