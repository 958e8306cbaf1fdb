// Reading newsletters. For readers: what is on offer (every newsletter not archived, the main one
// first), the main one (what a sign-up block offers when it names none), and one by id or slug.
// For the newsroom: the list with counts (the desk's: editors reach editions from it) and a
// newsletter's settings (admins).
import "server-only";
import { db, type Db, type Tx } from "../db";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { assertCan, type Actor } from "../permissions";
import { nextScheduledTime } from "./schedule";

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

export async function listNewsletters(actor: Actor | null, now = new Date()) {
  assertCan(actor, "edition.edit");
  const [newsletters, counts, scheduled] = await Promise.all([
    db.newsletter.findMany({ orderBy: [{ isArchived: "asc" }, { isMain: "desc" }, { name: "asc" }] }),
    db.subscription.groupBy({ by: ["newsletterId", "status"], _count: { _all: true } }),
    db.edition.findMany({
      where: { status: "SCHEDULED", scheduledFor: { gt: now } },
      orderBy: { scheduledFor: "asc" },
      select: { newsletterId: true, scheduledFor: true },
    }),
  ]);
  const countOf = (newsletterId: string, status: string) => counts.find((row) => row.newsletterId === newsletterId && row.status === status)?._count._all ?? 0;
  return newsletters.map((newsletter) => ({
    ...newsletter,
    confirmed: countOf(newsletter.id, "CONFIRMED"),
    pending: countOf(newsletter.id, "PENDING"),
    unsubscribed: countOf(newsletter.id, "UNSUBSCRIBED"),
    // A scheduled edition's time when there is one, else the schedule's next slot.
    nextSend: newsletter.isArchived ? null : (scheduled.find((edition) => edition.newsletterId === newsletter.id)?.scheduledFor ?? nextScheduledTime(newsletter, now)),
  }));
}

export type NewsletterRow = Awaited<ReturnType<typeof listNewsletters>>[number];

export async function getNewsletter(actor: Actor | null, id: string) {
  assertCan(actor, "newsletter.manage");
  return db.newsletter.findUnique({ where: { id } });
}

// The subscribers screen's heading.
export async function getNewsletterName(actor: Actor | null, id: string) {
  assertCan(actor, "subscriber.manage");
  return db.newsletter.findUnique({ where: { id }, select: { id: true, name: true } });
}
