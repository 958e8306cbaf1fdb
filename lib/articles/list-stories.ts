// The newsroom's story list: every story a person may see, filtered and paginated.
import { z } from "zod";
import { textInput } from "../text-input";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

export const STORY_STATUSES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"] as const;
export const STORIES_PER_PAGE = 25;

const Filters = z.object({
  status: z.enum(STORY_STATUSES).optional().catch(undefined),
  section: z.string().max(40).optional().catch(undefined),
  byline: z.string().max(40).optional().catch(undefined),
  q: textInput().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type StoryFilters = z.infer<typeof Filters>;

export function parseStoryFilters(params: Record<string, string | string[] | undefined>): StoryFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return Filters.parse({ status: first(params.status), section: first(params.section), byline: first(params.byline), q: first(params.q), page: first(params.page) });
}

export type StoryRow = {
  id: string; headline: string; status: string; sectionName: string | null; bylines: string[];
  lastEditedBy: string | null; updatedAt: string; publishAt: string | null;
  // A photo it shows (hero or captioned figure) is past its rights expiry: flagged to editors.
  hasExpiredPhoto: boolean;
};

export async function listStories(actor: Actor | null, filters: StoryFilters): Promise<{ rows: StoryRow[]; total: number; pages: number }> {
  assertCan(actor, "newsroom.enter");
  const now = new Date();
  const where = {
    ...(actor.role === "CONTRIBUTOR" ? { createdById: actor.id } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.section ? { sectionId: filters.section } : {}),
    ...(filters.byline ? { bylines: { some: { profileId: filters.byline } } } : {}),
    ...(filters.q?.trim() ? { headline: { contains: filters.q.trim() } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * STORIES_PER_PAGE,
      take: STORIES_PER_PAGE,
      select: {
        id: true, headline: true, status: true, updatedAt: true, publishAt: true,
        section: { select: { name: true } },
        lastEditedBy: { select: { name: true } },
        bylines: { orderBy: { position: "asc" }, select: { profile: { select: { name: true } } } },
        heroMedia: { select: { rightsExpireAt: true } },
        captions: { where: { media: { rightsExpireAt: { lte: now } } }, select: { id: true }, take: 1 },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / STORIES_PER_PAGE)),
    rows: rows.map((row) => ({
      id: row.id, headline: row.headline, status: row.status, sectionName: row.section?.name ?? null,
      bylines: row.bylines.map((b) => b.profile.name), lastEditedBy: row.lastEditedBy?.name ?? null,
      updatedAt: row.updatedAt.toISOString(), publishAt: row.publishAt?.toISOString() ?? null,
      hasExpiredPhoto: row.captions.length > 0 || (row.heroMedia?.rightsExpireAt != null && row.heroMedia.rightsExpireAt <= now),
    })),
  };
}
