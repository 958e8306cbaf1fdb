import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { EditionItems } from "@/components/newsroom/newsletters/edition-items";
import { EditionPreview } from "@/components/newsroom/newsletters/edition-preview";
import { EditionStatus } from "@/components/newsroom/newsletters/edition-status";
import { SendPanel } from "@/components/newsroom/newsletters/send-panel";
import { requireScreen } from "@/lib/auth/screen";
import { isRecordId } from "@/lib/editor/record-id";
import { formatDateTime } from "@/lib/format-date";
import { EDITABLE_STATUSES } from "@/lib/newsletters/editions/commands";
import { loadEditionForEditor } from "@/lib/newsletters/editions/queries";
import { INTRO_MAX, SUBJECT_MAX } from "@/lib/newsletters/editions/schema";
import { isEmailConfigured } from "@/lib/newsletters/mailer";
import { can } from "@/lib/permissions";
import { cancelEditionAction, moveEditionItemAction, removeEditionItemAction, updateEditionTextAction } from "../actions";
import { AddStory } from "./add-story";

export const metadata: Metadata = { title: "Edition" };

type Props = { params: Promise<{ newsletterId: string; editionId: string }>; searchParams: Promise<{ q?: string | string[] }> };

export default async function EditionPage({ params, searchParams }: Props) {
  const { newsletterId, editionId } = await params;
  const base = `/newsroom/newsletters/${newsletterId}/editions`;
  const { user, isAllowed } = await requireScreen("edition.edit", `${base}/${editionId}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing newsletter editions" />;
  const edition = isRecordId(newsletterId) && isRecordId(editionId) ? await loadEditionForEditor(user, newsletterId, editionId) : null;
  if (!edition) notFound();
  const isEditable = (EDITABLE_STATUSES as readonly string[]).includes(edition.status);
  const record = { editionId: edition.id, version: edition.version };
  const q = typeof (await searchParams).q === "string" ? String((await searchParams).q) : "";
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/newsletters">Newsletters</a> / <a href={base}>{edition.newsletter.name}</a> /
      </p>
      <h1 className="admin-page-title">{edition.subject}</h1>
      <p className="admin-lead">
        <EditionStatus status={edition.status} /> · goes out {formatDateTime((edition.sentAt ?? edition.scheduledFor).toISOString())}
        {edition.coversFrom && <> · stories since {formatDateTime(edition.coversFrom.toISOString())}</>} · <a href={`/newsroom/admin/audit?entityType=Edition&entityId=${edition.id}`}>history</a>
      </p>
      {!isEditable && <p className="muted">This edition can no longer be changed.</p>}
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="text-heading">
          <h2 id="text-heading">Subject and introduction</h2>
          {isEditable ? (
            <ActionForm action={updateEditionTextAction} submitLabel="Save subject and introduction" successMessage="Saved.">
              <input type="hidden" name="editionId" value={record.editionId} />
              <input type="hidden" name="version" value={record.version} />
              <label>
                Subject
                <input name="subject" defaultValue={edition.subject} required maxLength={SUBJECT_MAX} />
              </label>
              <label>
                Introduction <span className="hint">optional; a blank line starts a new paragraph ({INTRO_MAX} characters at most)</span>
                <textarea name="intro" defaultValue={edition.intro} rows={5} maxLength={INTRO_MAX} />
              </label>
            </ActionForm>
          ) : (
            <p>{edition.intro || <span className="muted">No introduction.</span>}</p>
          )}
          <h2 id="items-heading">Stories</h2>
          <EditionItems editionId={edition.id} version={edition.version} items={edition.items} isEditable={isEditable} move={moveEditionItemAction} remove={removeEditionItemAction} />
          {isEditable && <AddStory user={user} record={record} q={q} inEdition={edition.items.map((item) => item.articleId)} />}
        </section>
        <section className="admin-section" aria-labelledby="send-heading">
          <h2 id="send-heading">Sending</h2>
          {can(user, "edition.send") ? (
            <SendPanel editionId={edition.id} version={edition.version} status={edition.status} scheduledFor={edition.scheduledFor.toISOString()} emailConfigured={isEmailConfigured()} />
          ) : (
            <p className="muted">Sending editions is for editors and admins.</p>
          )}
          {isEditable && (
            <>
              <h3>Cancel</h3>
              <ActionForm
                action={cancelEditionAction}
                submitLabel="Cancel this edition"
                pendingLabel="Cancelling…"
                successMessage="Edition cancelled."
                confirmMessage="Cancel this edition? It will not be sent."
                isDanger
              >
                <input type="hidden" name="editionId" value={record.editionId} />
                <input type="hidden" name="version" value={record.version} />
              </ActionForm>
            </>
          )}
        </section>
      </div>
      <section className="admin-section" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <p className="muted">The email as a subscriber gets it; its preferences and unsubscribe links are samples.</p>
        <EditionPreview previewHref={`${base}/${edition.id}/preview`} />
      </section>
    </>
  );
}
