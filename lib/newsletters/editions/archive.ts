// The public archive of sent editions (/newsletter/archive…): which newsletters have any, a
// newsletter's sent editions page by page, and one edition as a web page. Only SENT editions are
// public; anything else is "not found". Cached under NEWSLETTER_ARCHIVE_TAG (and each story's own
// tag, so an unpublished story leaves the archived edition too); the sender calls
// afterEditionSent() once an edition is SENT, and the archive shows it on the next request.
import "server-only";
import { cached, invalidateTags } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { db } from "../../db";
import { isRecordId } from "../../editor/record-id";
import { PAGE_SIZE } from "../../listings/pagination";
import { isPublicSlug } from "../../listings/listing-page";
import { loadEditionContent, type EditionContent } from "./content";

export const NEWSLETTER_ARCHIVE_TAG = "newsletter-archive";

export type ArchivedNewsletter = { slug: string; name: string; description: string; editions: number; lastSentAt: Date | null };
export type ArchivedEditionRow = { id: string; subject: string; sentAt: Date | null; scheduledFor: Date };

export function afterEditionSent(editionId: string): number {
  return invalidateTags([NEWSLETTER_ARCHIVE_TAG, `edition:${editionId}`]);
}

export async function listArchivedNewsletters(): Promise<ArchivedNewsletter[]> {
  return cached("newsletter-archive", async () => {
    const rows = await db.newsletter.findMany({
      where: { editions: { some: { status: "SENT" } } },
      orderBy: [{ isMain: "desc" }, { name: "asc" }],
      select: {
        slug: true,
        name: true,
        description: true,
        _count: { select: { editions: { where: { status: "SENT" } } } },
        editions: { where: { status: "SENT" }, orderBy: { sentAt: "desc" }, take: 1, select: { sentAt: true } },
      },
    });
    const value = rows.map(({ _count, editions, ...row }) => ({ ...row, editions: _count.editions, lastSentAt: editions[0]?.sentAt ?? null }));
    return { value, tags: [NEWSLETTER_ARCHIVE_TAG] };
  });
}

export type ArchivePage = { newsletter: { slug: string; name: string; description: string }; editions: ArchivedEditionRow[]; total: number; page: number; pageSize: number };

// null: no such newsletter, or none of its editions has been sent.
export async function getNewsletterArchive(slug: string, page: number): Promise<ArchivePage | null> {
  if (!isPublicSlug(slug)) return null;
  return cached(`newsletter-archive:${slug}:${page}`, async () => {
    const newsletter = await db.newsletter.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
    const where = { newsletterId: newsletter?.id ?? "", status: "SENT" as const };
    const [editions, total] = newsletter
      ? await Promise.all([
          db.edition.findMany({ where, orderBy: [{ sentAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true, subject: true, sentAt: true, scheduledFor: true } }),
          db.edition.count({ where }),
        ])
      : [[], 0];
    const value = newsletter && total > 0 ? { newsletter: { slug: newsletter.slug, name: newsletter.name, description: newsletter.description }, editions, total, page, pageSize: PAGE_SIZE } : null;
    return { value, tags: [NEWSLETTER_ARCHIVE_TAG] };
  });
}

// A sent edition of the newsletter `slug`, without anyone's personal links.
export async function getArchivedEdition(slug: string, editionId: string): Promise<EditionContent | null> {
  if (!isPublicSlug(slug) || !isRecordId(editionId)) return null;
  return cached(`newsletter-edition:${editionId}`, async () => {
    const content = await loadEditionContent(editionId);
    const value = content && content.status === "SENT" ? content : null;
    const storyTags = (value?.stories ?? []).map((story) => cacheTags.article(story.id));
    // notFound: a story of the edition published again is back on the next request.
    return { value, tags: [NEWSLETTER_ARCHIVE_TAG, `edition:${editionId}`, cacheTags.notFound, ...storyTags] };
  }).then((value) => (value && value.newsletter.slug === slug ? value : null));
}
