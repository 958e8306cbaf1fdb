import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { NewsletterFields } from "@/components/newsroom/newsletter-fields";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { createNewsletterAction } from "../actions";

export const metadata: Metadata = { title: "New newsletter" };

export default async function NewNewsletterPage() {
  const { user, isAllowed } = await requireScreen("newsletter.manage", "/newsroom/newsletters/new");
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing newsletters" />;
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/newsletters">Newsletters</a> /
      </p>
      <h1 className="admin-page-title">New newsletter</h1>
      <p className="admin-lead">Its address (for the archive and sign-up blocks) is made from the name and stays the same after a rename.</p>
      <section className="admin-section" aria-labelledby="newsletter-heading">
        <h2 id="newsletter-heading">Settings</h2>
        <ActionForm action={createNewsletterAction} submitLabel="Create newsletter" successMessage="Newsletter created." followHref>
          <NewsletterFields />
        </ActionForm>
      </section>
    </>
  );
}
