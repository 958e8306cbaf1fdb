// What the newsroom's edition screens read: a newsletter's editions, one edition with its stories
// for the editor, and the published stories the "add a story" picker offers. Editors only.
import "server-only";
import { articleHref } from "../../articles/href";
import { publicArticleWhere } from "../../articles/embargo/visibility";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { searchInput } from "../../text-input";

export type EditionListRow = { id: string; status: string; subject: string; scheduledFor: Date; sentAt: Date | null; stories: number; deliveries: number };

export async function getNewsletterForEditions(actor: Actor | null, newsletterId: string) {
  assertCan(actor, "edition.edit");
  return db.newsletter.findUnique({ where: { id: newsletterId }, select: { id: true, name: true, slug: true, scheduleDays: true, scheduleTime: true, isArchived: true } });
}

// Upcoming first (soonest at the top), then what has gone out, newest first.
export async function listEditions(actor: Actor | null, newsletterId: string, take = 50): Promise<{ upcoming: EditionListRow[]; past: EditionListRow[] }> {
  assertCan(actor, "edition.edit");
  const select = { id: true, status: true, subject: true, scheduledFor: true, sentAt: true, _count: { select: { items: true, deliveries: true } } } as const;
  const [upcoming, past] = await Promise.all([
    db.edition.findMany({ where: { newsletterId, status: { in: ["DRAFT", "SCHEDULED", "SENDING"] } }, orderBy: { scheduledFor: "asc" }, take, select }),
    db.edition.findMany({ where: { newsletterId, status: { in: ["SENT", "CANCELLED"] } }, orderBy: { scheduledFor: "desc" }, take, select }),
  ]);
  const toRow = ({ _count, ...row }: (typeof upcoming)[number]): EditionListRow => ({ ...row, stories: _count.items, deliveries: _count.deliveries });
  return { upcoming: upcoming.map(toRow), past: past.map(toRow) };
}

export type EditorItem = { articleId: string; heading: string; headline: string; kicker: string; status: string; isPublic: boolean; path: string | null };

export async function loadEditionForEditor(actor: Actor | null, newsletterId: string, editionId: string, now: Date = new Date()) {
  assertCan(actor, "edition.edit");
  const edition = await db.edition.findFirst({
    where: { id: editionId, newsletterId },
    select: {
      id: true,
      status: true,
      subject: true,
      intro: true,
      scheduledFor: true,
      coversFrom: true,
      sentAt: true,
      version: true,
      newsletter: { select: { id: true, name: true } },
      items: {
        orderBy: [{ position: "asc" }, { articleId: "asc" }],
        select: { articleId: true, heading: true, article: { select: { headline: true, kicker: true, status: true, slug: true, section: { select: { slug: true } } } } },
      },
    },
  });
  if (!edition) return null;
  // Which stories readers can still open (one query): a story unpublished since assembly is marked.
  const publicIds = new Set(
    (await db.article.findMany({ where: { id: { in: edition.items.map((item) => item.articleId) }, ...publicArticleWhere(now), deletedAt: null }, select: { id: true } })).map((row) => row.id),
  );
  const items: EditorItem[] = edition.items.map(({ articleId, heading, article }) => ({
    articleId,
    heading,
    headline: article.headline,
    kicker: article.kicker,
    status: article.status,
    isPublic: publicIds.has(articleId),
    path: article.section ? articleHref(article.section.slug, article.slug) : null,
  }));
  return { ...edition, items };
}

// Published stories readers can see, newest first, whose headline holds the search.
export async function searchStoriesForEdition(actor: Actor | null, query: string, take = 10) {
  assertCan(actor, "edition.edit");
  const q = searchInput(query, 100);
  return db.article.findMany({
    where: { ...publicArticleWhere(), deletedAt: null, sectionId: { not: null }, ...(q ? { headline: { contains: q } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, headline: true, publishedAt: true, section: { select: { name: true } } },
  });
}
