// Reads for the newsletters screens. The list is the desk's (editors reach editions from it);
// a newsletter's settings are for admins.
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { nextScheduledTime } from "./schedule";

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

// For pickers (the subscribers screen's filter): every newsletter's id and name.
export async function newsletterChoices(actor: Actor | null) {
  assertCan(actor, "subscriber.manage");
  return db.newsletter.findMany({ orderBy: [{ isMain: "desc" }, { name: "asc" }], select: { id: true, name: true, isArchived: true } });
}

// The subscribers screen's heading.
export async function getNewsletterName(actor: Actor | null, id: string) {
  assertCan(actor, "subscriber.manage");
  return db.newsletter.findUnique({ where: { id }, select: { id: true, name: true } });
}
