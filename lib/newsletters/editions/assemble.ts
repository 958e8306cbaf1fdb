// Assembling a newsletter's next edition: a DRAFT for its next scheduled time, holding the lead
// story and then each section's top stories published since the last edition went out. Only what
// readers may see (the app's public-story filter: published, past any embargo) is picked.
import "server-only";
import { recordAudit } from "../../audit/record";
import { publicArticleWhere } from "../../articles/embargo/visibility";
import { notFound } from "../../concurrency";
import { db, isPostgres, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { getSections } from "../../sections/queries";
import { AssembleInput, SUBJECT_MAX } from "./schema";
import { nextScheduledTime } from "../schedule";

export const STORIES_PER_SECTION = 3;
// More stories than any day's newsletter would hold: the candidates are read newest first.
const CANDIDATES = 500;
const DAY_MS = 86_400_000;
const COVERED_STATUSES = ["SCHEDULED", "SENDING", "SENT"] as const;

export const LEAD_HEADING = "Lead";

type Candidate = { id: string; headline: string; sectionId: string | null; heroMedia: { rightsExpireAt: Date | null } | null };
type PickedItem = { articleId: string; heading: string };

// Where "since the last edition" starts: when the newsletter's latest edition before this one went
// (or is due to go) out, else a day before this one.
async function coversFromFor(tx: Tx, newsletterId: string, scheduledFor: Date): Promise<Date> {
  const previous = await tx.edition.findFirst({
    where: { newsletterId, status: { in: [...COVERED_STATUSES] }, scheduledFor: { lt: scheduledFor } },
    orderBy: { scheduledFor: "desc" },
    select: { scheduledFor: true, sentAt: true },
  });
  return previous ? (previous.sentAt ?? previous.scheduledFor) : new Date(scheduledFor.getTime() - DAY_MS);
}

// The front page's rule: the newest story with a picture readers may still see leads, else the newest.
function pickLead(stories: Candidate[], now: Date): Candidate | null {
  const hasPicture = (story: Candidate) => story.heroMedia !== null && !(story.heroMedia.rightsExpireAt && story.heroMedia.rightsExpireAt <= now);
  return stories.find(hasPicture) ?? stories[0] ?? null;
}

async function pickStories(tx: Tx, coversFrom: Date, now: Date): Promise<{ items: PickedItem[]; leadHeadline: string | null }> {
  const stories: Candidate[] = await tx.article.findMany({
    where: { ...publicArticleWhere(now), deletedAt: null, sectionId: { not: null }, publishedAt: { gt: coversFrom } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
    select: { id: true, headline: true, sectionId: true, heroMedia: { select: { rightsExpireAt: true } } },
  });
  const lead = pickLead(stories, now);
  const items: PickedItem[] = lead ? [{ articleId: lead.id, heading: LEAD_HEADING }] : [];
  for (const section of await getSections()) {
    const top = stories.filter((story) => story.sectionId === section.id && story.id !== lead?.id).slice(0, STORIES_PER_SECTION);
    items.push(...top.map((story) => ({ articleId: story.id, heading: section.name })));
  }
  return { items, leadHeadline: lead?.headline ?? null };
}

function defaultSubject(newsletterName: string, leadHeadline: string | null, scheduledFor: Date): string {
  const subject = leadHeadline ? `${newsletterName}: ${leadHeadline}` : `${newsletterName}, ${scheduledFor.toISOString().slice(0, 10)}`;
  return subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject;
}

// Editions sent ahead of their time ("Send now") keep their slot: the next edition takes the first
// scheduled time no edition has gone out for. A draft or scheduled one already there is refused.
const SLOTS_LOOKED_AT = 31;

async function nextFreeSlot(tx: Tx, newsletter: { id: string; name: string; scheduleDays: string; scheduleTime: string }, now: Date): Promise<Date> {
  let slot = nextScheduledTime(newsletter, now);
  for (let looked = 0; slot && looked < SLOTS_LOOKED_AT; looked += 1) {
    const existing = await tx.edition.findFirst({ where: { newsletterId: newsletter.id, scheduledFor: slot, status: { not: "CANCELLED" } }, select: { id: true, status: true } });
    if (!existing) return slot;
    if (existing.status === "DRAFT" || existing.status === "SCHEDULED") throw new AppError("CONFLICT", "The next edition is already assembled: open it from the list of editions.", { editionId: existing.id });
    slot = nextScheduledTime(newsletter, slot);
  }
  if (!slot) throw new AppError("INVALID", `${newsletter.name} has no valid schedule (days and a time): fix it in the newsletter's settings first.`);
  throw new AppError("CONFLICT", `Editions have already gone out for ${newsletter.name}'s next ${SLOTS_LOOKED_AT} scheduled times.`);
}

export async function assembleNextEdition(actor: Actor | null, raw: unknown, now: Date = new Date()): Promise<{ id: string; scheduledFor: string; items: number }> {
  assertCan(actor, "edition.edit");
  const { newsletterId } = AssembleInput.parse(raw);
  return db.$transaction(async (tx) => {
    // Two editors pressing "Assemble" at once: the second waits here, then finds the first's draft.
    if (isPostgres()) await tx.$queryRaw`SELECT "id" FROM "Newsletter" WHERE "id" = ${newsletterId} FOR UPDATE`;
    const newsletter = await tx.newsletter.findUnique({ where: { id: newsletterId }, select: { id: true, name: true, scheduleDays: true, scheduleTime: true, isArchived: true } });
    if (!newsletter) throw notFound("That newsletter");
    if (newsletter.isArchived) throw new AppError("CONFLICT", `${newsletter.name} is archived: restore it before assembling an edition.`);
    const scheduledFor = await nextFreeSlot(tx, newsletter, now);
    const coversFrom = await coversFromFor(tx, newsletterId, scheduledFor);
    const { items, leadHeadline } = await pickStories(tx, coversFrom, now);
    const edition = await tx.edition.create({
      data: {
        newsletterId,
        subject: defaultSubject(newsletter.name, leadHeadline, scheduledFor),
        scheduledFor,
        coversFrom,
        createdById: actor.id,
        items: { create: items.map((item, position) => ({ ...item, position })) },
      },
      select: { id: true },
    });
    const details = { newsletter: newsletter.name, scheduledFor: scheduledFor.toISOString(), coversFrom: coversFrom.toISOString(), items: items.length };
    await recordAudit(tx, { actorId: actor.id, action: "edition.assemble", entityType: "Edition", entityId: edition.id, details });
    return { id: edition.id, scheduledFor: scheduledFor.toISOString(), items: items.length };
  });
}
