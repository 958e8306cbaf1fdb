// The newsroom's story list: every story a person may see, filtered and paginated; and its Trash
// view. Contributors see the stories they wrote and those carrying their byline (lib/permissions.ts
// lets them open both); nobody sees a "New story" nothing was typed in (untouched-draft.ts).
import "server-only";
import { z } from "zod";
import { textInput } from "../text-input";
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { assertCan, type Actor } from "../permissions";
import { purgeDateOf } from "./trash/trash-rules";
import { UNTOUCHED_DRAFT } from "./trash/untouched-draft";

export const STORY_STATUSES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"] as const;
const STORIES_PER_PAGE = 25;

const Filters = z.object({
  view: z.enum(["trash"]).optional().catch(undefined),
  status: z.enum(STORY_STATUSES).optional().catch(undefined),
  section: z.string().max(40).optional().catch(undefined),
  byline: z.string().max(40).optional().catch(undefined),
  q: textInput().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type StoryFilters = z.infer<typeof Filters>;

export function parseStoryFilters(params: Record<string, string | string[] | undefined>): StoryFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return Filters.parse({ view: first(params.view), status: first(params.status), section: first(params.section), byline: first(params.byline), q: first(params.q), page: first(params.page) });
}

export type StoryRow = {
  id: string;
  headline: string;
  status: string;
  sectionName: string | null;
  bylines: string[];
  lastEditedBy: string | null;
  updatedAt: string;
  publishAt: string | null;
  // Set while an embargo is in force: nothing of the story reaches readers before then.
  embargoUntil: string | null;
  // A photo it shows (hero or captioned figure) is past its rights expiry: flagged to editors.
  hasExpiredPhoto: boolean;
};

// The stories a person may see at all: everything for the desk; a contributor's own and bylined.
function visibleTo(actor: Actor): Prisma.ArticleWhereInput {
  if (actor.role !== "CONTRIBUTOR") return {};
  return { OR: [{ createdById: actor.id }, { bylines: { some: { profile: { userId: actor.id } } } }] };
}

function filtered(filters: StoryFilters): Prisma.ArticleWhereInput {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.section ? { sectionId: filters.section } : {}),
    ...(filters.byline ? { bylines: { some: { profileId: filters.byline } } } : {}),
    ...(filters.q?.trim() ? { headline: { contains: filters.q.trim() } } : {}),
  };
}

const pageOf = (total: number) => Math.max(1, Math.ceil(total / STORIES_PER_PAGE));

export async function listStories(actor: Actor | null, filters: StoryFilters): Promise<{ rows: StoryRow[]; total: number; pages: number }> {
  assertCan(actor, "newsroom.enter");
  const now = new Date();
  const where: Prisma.ArticleWhereInput = { AND: [visibleTo(actor), filtered(filters), { deletedAt: null, NOT: UNTOUCHED_DRAFT }] };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * STORIES_PER_PAGE,
      take: STORIES_PER_PAGE,
      select: {
        id: true,
        headline: true,
        status: true,
        updatedAt: true,
        publishAt: true,
        embargoUntil: true,
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
    pages: pageOf(total),
    rows: rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      status: row.status,
      sectionName: row.section?.name ?? null,
      bylines: row.bylines.map((b) => b.profile.name),
      lastEditedBy: row.lastEditedBy?.name ?? null,
      updatedAt: row.updatedAt.toISOString(),
      publishAt: row.publishAt?.toISOString() ?? null,
      embargoUntil: row.embargoUntil && row.embargoUntil > now ? row.embargoUntil.toISOString() : null,
      hasExpiredPhoto: row.captions.length > 0 || (row.heroMedia?.rightsExpireAt != null && row.heroMedia.rightsExpireAt <= now),
    })),
  };
}

export type TrashRow = {
  id: string;
  headline: string;
  status: string;
  createdById: string | null;
  version: number;
  sectionName: string | null;
  deletedBy: string | null;
  deletedAt: string;
  purgeAt: string;
};

// The Trash view: what the person could see before it was deleted, most recently deleted first.
export async function listTrashedStories(actor: Actor | null, page: number): Promise<{ rows: TrashRow[]; total: number; pages: number }> {
  assertCan(actor, "newsroom.enter");
  const where: Prisma.ArticleWhereInput = { AND: [visibleTo(actor), { deletedAt: { not: null } }] };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * STORIES_PER_PAGE,
      take: STORIES_PER_PAGE,
      select: { id: true, headline: true, status: true, createdById: true, version: true, deletedAt: true, section: { select: { name: true } }, deletedBy: { select: { name: true } } },
    }),
  ]);
  return {
    total,
    pages: pageOf(total),
    rows: rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      status: row.status,
      createdById: row.createdById,
      version: row.version,
      sectionName: row.section?.name ?? null,
      deletedBy: row.deletedBy?.name ?? null,
      deletedAt: row.deletedAt!.toISOString(),
      purgeAt: purgeDateOf(row.deletedAt!).toISOString(),
    })),
  };
}

export async function countTrashedStories(actor: Actor | null): Promise<number> {
  assertCan(actor, "newsroom.enter");
  return db.article.count({ where: { AND: [visibleTo(actor), { deletedAt: { not: null } }] } });
}
