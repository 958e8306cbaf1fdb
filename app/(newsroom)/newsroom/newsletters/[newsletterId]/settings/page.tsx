import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NewsletterFields } from "@/components/newsroom/newsletter-fields";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { getNewsletter } from "@/lib/newsletters/queries";
import { makeMainNewsletterAction, setNewsletterArchivedAction, updateNewsletterAction } from "../../actions";

export const metadata: Metadata = { title: "Newsletter settings" };

type Props = { params: Promise<{ newsletterId: string }> };

export default async function NewsletterSettingsPage({ params }: Props) {
  const { newsletterId: id } = await params;
  const { user, isAllowed } = await requireScreen("newsletter.manage", `/newsroom/newsletters/${id}/settings`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing newsletters" />;
  const newsletter = await getNewsletter(user, id);
  if (!newsletter) notFound();
  const record = { id: newsletter.id, version: newsletter.version };
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/newsletters">Newsletters</a> /
      </p>
      <h1 className="admin-page-title">{newsletter.name}</h1>
      <p className="admin-lead">
        {newsletter.isMain ? "The main newsletter: sign-up blocks that name none offer this one." : "Sign-up blocks offer it when they name it."} · address {newsletter.slug} ·{" "}
        <a href={`/newsroom/newsletters/${newsletter.id}/editions`}>Editions</a> · <a href={`/newsroom/newsletters/${newsletter.id}/subscribers`}>Subscribers</a> ·{" "}
        <a href={`/newsroom/admin/audit?entityType=Newsletter&entityId=${newsletter.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          <ActionForm action={updateNewsletterAction} record={record} submitLabel="Save newsletter" successMessage="Newsletter saved.">
            <NewsletterFields newsletter={newsletter} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="status-heading">
          <h2 id="status-heading">Main and archive</h2>
          {!newsletter.isMain && !newsletter.isArchived && (
            <ActionForm action={makeMainNewsletterAction} record={record} submitLabel="Make this the main newsletter" successMessage="This is now the main newsletter." />
          )}
          {newsletter.isMain ? (
            <p className="muted">The main newsletter cannot be archived: make another one the main newsletter first.</p>
          ) : (
            <ActionForm
              action={setNewsletterArchivedAction}
              record={record}
              submitLabel={newsletter.isArchived ? "Bring back" : "Archive"}
              successMessage={newsletter.isArchived ? "Brought back." : "Archived: no more editions or sign-ups."}
              confirmMessage={newsletter.isArchived ? undefined : `Archive ${newsletter.name}? Its subscribers are kept; no editions are sent.`}
              isDanger={!newsletter.isArchived}
            >
              <input type="hidden" name="isArchived" value={newsletter.isArchived ? "false" : "true"} />
            </ActionForm>
          )}
        </section>
      </div>
    </>
  );
}
