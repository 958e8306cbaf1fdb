// Reading newsletters: what readers are offered (every newsletter not archived, the main one
// first), the main one (what a sign-up block offers when it names none), and one by id or slug.
import "server-only";
import { db, type Db, type Tx } from "../db";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";

export type NewsletterOffer = {
  id: string;
  slug: string;
  name: string;
  description: string;
  senderName: string;
  senderAddress: string;
  consentText: string;
  scheduleDays: string;
  scheduleTime: string;
  isMain: boolean;
  isArchived: boolean;
};

export const newsletterOfferSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  senderName: true,
  senderAddress: true,
  consentText: true,
  scheduleDays: true,
  scheduleTime: true,
  isMain: true,
  isArchived: true,
} as const;

export function listOfferedNewsletters(client: Db | Tx = db): Promise<NewsletterOffer[]> {
  return client.newsletter.findMany({ where: { isArchived: false }, orderBy: [{ isMain: "desc" }, { name: "asc" }], select: newsletterOfferSelect });
}

// For reader pages: through the tagged cache, dropped with cacheTags.newsletters.
export function getOfferedNewsletters(): Promise<NewsletterOffer[]> {
  return cached("newsletters:offered", async () => ({ value: await listOfferedNewsletters(), tags: [cacheTags.newsletters] }));
}

// The site's main newsletter, or null when none is marked main (or it was archived).
export function mainNewsletter(client: Db | Tx = db): Promise<NewsletterOffer | null> {
  return client.newsletter.findFirst({ where: { isMain: true, isArchived: false }, orderBy: { createdAt: "asc" }, select: newsletterOfferSelect });
}

// Archived ones too: a confirmation link or the preferences page may name one.
export function newsletterById(id: string, client: Db | Tx = db): Promise<NewsletterOffer | null> {
  return client.newsletter.findUnique({ where: { id }, select: newsletterOfferSelect });
}

export function newsletterBySlug(slug: string, client: Db | Tx = db): Promise<NewsletterOffer | null> {
  return client.newsletter.findUnique({ where: { slug }, select: newsletterOfferSelect });
}
