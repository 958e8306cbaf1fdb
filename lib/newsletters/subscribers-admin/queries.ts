// The subscribers screen (admins): who is subscribed to what, searchable and paged, with the
// number of subscriptions in each state per newsletter.
import "server-only";
import { z } from "zod";
import { db } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";

export const SUBSCRIBER_STATUSES = ["PENDING", "CONFIRMED", "UNSUBSCRIBED", "BOUNCED"] as const;
const PAGE_SIZE = 50;

const SubscriberFilter = z.object({
  q: z.string().max(1000).optional().catch(undefined),
  newsletter: z.string().max(40).optional().catch(undefined),
  status: z.enum(SUBSCRIBER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type SubscriberFilter = { q: string; newsletterId?: string; status?: (typeof SUBSCRIBER_STATUSES)[number]; page: number };

// From the address bar: anything unknown is ignored rather than refused (it is a filter).
export function parseSubscriberFilter(params: Record<string, unknown>): SubscriberFilter {
  const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const raw = SubscriberFilter.parse({ q: one(params.q), newsletter: one(params.newsletter) || undefined, status: one(params.status) || undefined, page: one(params.page) ?? 1 });
  return { q: searchInput(raw.q ?? "", 200).toLowerCase(), newsletterId: raw.newsletter, status: raw.status, page: raw.page };
}

export function subscriberWhere(filter: Omit<SubscriberFilter, "page">): Prisma.SubscriberWhereInput {
  return {
    ...(filter.q ? { email: { contains: filter.q } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.newsletterId ? { subscriptions: { some: { newsletterId: filter.newsletterId } } } : {}),
  };
}

export async function listSubscribers(actor: Actor | null, filter: SubscriberFilter) {
  assertCan(actor, "subscriber.manage");
  const where = subscriberWhere(filter);
  const [total, rows, counts] = await Promise.all([
    db.subscriber.count({ where }),
    db.subscriber.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        email: true,
        status: true,
        createdAt: true,
        confirmedAt: true,
        subscriptions: { select: { status: true, newsletter: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    db.subscription.groupBy({ by: ["newsletterId", "status"], _count: { _all: true } }),
  ]);
  const perNewsletter = new Map<string, Record<string, number>>();
  for (const row of counts) perNewsletter.set(row.newsletterId, { ...perNewsletter.get(row.newsletterId), [row.status]: row._count._all });
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), countsByNewsletter: perNewsletter };
}

export type SubscriberRow = Awaited<ReturnType<typeof listSubscribers>>["rows"][number];
