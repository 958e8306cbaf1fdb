// Reads for the newsroom's story screens. Staff-only: every function takes the actor and checks it.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { searchInput } from "../text-input";
import { libraryItemInclude, photoSummary } from "../media/library/library-item";
import type { Prisma } from "../generated/sqlite/client";
import { isRecordId } from "../editor/record-id";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";
import { readSnapshot } from "./history/snapshot";
import { ArticleInput } from "./schema";
import { countChanges, keepsWorkingCopy, normalizeSnapshot, readWorkingCopy } from "./publish/working-copy";
import { compareSnapshots, type RevisionComparison } from "./history/compare-snapshots";
import { labelSportsLinks, type SportsLinkLabels } from "./sports-links";

// A photo as the editor shows and edits it: its words and credit ids (for the in-place details
// form), the version that form names when it saves, and what stops publishing.
export type PickerMedia = {
  id: string;
  version: number;
  src: string;
  originalName: string;
  altText: string;
  defaultCaption: string;
  photographerId: string | null;
  agencyId: string | null;
  creditOverride: string | null;
  credit: string | null;
  problems: string[];
  hasProblems: boolean;
};
export type PickerStory = { id: string; headline: string; status: string };

const mediaSelect = {
  id: true,
  version: true,
  originalName: true,
  altText: true,
  defaultCaption: true,
  photographerId: true,
  agencyId: true,
  creditOverride: true,
  rightsExpireAt: true,
  storageKey: true,
  ...libraryItemInclude,
} as const;

type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaSelect }>;

function toPickerMedia(row: MediaRow): PickerMedia {
  const { src, credit, problems } = photoSummary(row);
  return {
    id: row.id,
    version: row.version,
    src,
    originalName: row.originalName,
    altText: row.altText,
    defaultCaption: row.defaultCaption,
    photographerId: row.photographerId,
    agencyId: row.agencyId,
    creditOverride: row.creditOverride,
    credit,
    problems,
    hasProblems: problems.length > 0,
  };
}

const MediaIds = z.array(z.string().refine(isRecordId, "is not a valid record id")).max(200, "at most 200 photos at a time");

// The photos a story uses, as they are now: the editor re-reads them so a fix saved on another
// screen shows without a reload. Unknown ids (a photo deleted meanwhile) are left out.
export async function readPickerMedia(actor: Actor | null, ids: unknown): Promise<PickerMedia[]> {
  assertCan(actor, "article.create");
  const parsed = MediaIds.safeParse(ids);
  if (!parsed.success) throw new AppError("INVALID", "Name the photos by their ids (at most 200).");
  if (!parsed.data.length) return [];
  const rows = await db.media.findMany({ where: { id: { in: [...new Set(parsed.data)] } }, select: mediaSelect });
  return rows.map(toPickerMedia);
}

export async function searchPickerMedia(actor: Actor | null, query: string, take = 24): Promise<PickerMedia[]> {
  assertCan(actor, "article.create");
  const q = searchInput(query, 100);
  const rows = await db.media.findMany({
    where: q ? { OR: [{ altText: { contains: q } }, { defaultCaption: { contains: q } }, { originalName: { contains: q } }, { photographer: { name: { contains: q } } }] } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: mediaSelect,
  });
  return rows.map(toPickerMedia);
}

export async function searchPickerStories(actor: Actor | null, query: string, excludeId: string): Promise<PickerStory[]> {
  assertCan(actor, "article.create");
  const q = searchInput(query, 100);
  return db.article.findMany({
    where: { id: { not: excludeId }, status: "PUBLISHED", deletedAt: null, ...(q ? { headline: { contains: q } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: { id: true, headline: true, status: true },
  });
}

export type EditorStory = {
  id: string;
  version: number;
  status: string;
  createdById: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  embargoUntil: string | null;
  href: string | null;
  lastEditedBy: string | null;
  updatedAt: string;
  article: ArticleInput;
  media: PickerMedia[];
  stories: PickerStory[];
  // What the Teams, Athletes and Events pickers show for the ids the story names.
  sportsLinks: SportsLinkLabels;
  notes: { id: string; kind: string; text: string; createdAt: string }[];
  // For a published or scheduled story: how its working copy differs from what is live.
  live: LiveState | null;
};

export type LiveState = { changes: number; updateAt: string | null; updateBy: string | null; workingCopyBy: string | null };

export async function loadStoryForEditor(actor: Actor | null, articleId: string): Promise<EditorStory> {
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      version: true,
      status: true,
      createdById: true,
      publishAt: true,
      publishedAt: true,
      embargoUntil: true,
      slug: true,
      updatedAt: true,
      section: { select: { slug: true } },
      lastEditedBy: { select: { name: true } },
      notes: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", row);
  const { article, live } = await db.$transaction((tx) => readEditorVersion(tx, articleId, row.status));
  const refs = collectReferences(article.body as BodyDoc);
  const mediaIds = [...new Set([...refs.mediaIds, ...(article.hero ? [article.hero.mediaId] : [])])];
  const [media, stories, sportsLinks] = await Promise.all([
    db.media.findMany({ where: { id: { in: mediaIds } }, select: mediaSelect }),
    db.article.findMany({ where: { id: { in: refs.articleIds } }, select: { id: true, headline: true, status: true } }),
    labelSportsLinks(article),
  ]);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    createdById: row.createdById,
    publishAt: row.publishAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    embargoUntil: row.embargoUntil?.toISOString() ?? null,
    href: row.section ? `/${row.section.slug}/${row.slug}` : null,
    lastEditedBy: row.lastEditedBy?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
    article,
    media: media.map(toPickerMedia),
    stories,
    sportsLinks,
    notes: row.notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, createdAt: n.createdAt.toISOString() })),
    live,
  };
}

export async function loadEditorOptions(actor: Actor | null): Promise<{ sections: { id: string; name: string }[]; profiles: { id: string; name: string }[] }> {
  assertCan(actor, "newsroom.enter");
  const [sections, profiles] = await Promise.all([
    db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.bylineProfile.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { sections, profiles };
}

// What the editor edits (the working copy of a live story, else the story) and, for a live story,
// how the working copy differs from what readers see.
async function readEditorVersion(tx: Tx, articleId: string, status: string): Promise<{ article: ArticleInput; live: LiveState | null }> {
  const story = await readSnapshot(tx, articleId);
  if (!keepsWorkingCopy(status)) return { article: story, live: null };
  const copy = await tx.workingCopy.findUnique({ where: { articleId }, select: { snapshot: true, updateAt: true, updateBy: { select: { name: true } }, updatedBy: { select: { name: true } } } });
  if (!copy) return { article: story, live: { changes: 0, updateAt: null, updateBy: null, workingCopyBy: null } };
  const working = ArticleInput.parse(copy.snapshot);
  return {
    article: working,
    live: { changes: countChanges(story, working), updateAt: copy.updateAt?.toISOString() ?? null, updateBy: copy.updateBy?.name ?? null, workingCopyBy: copy.updatedBy?.name ?? null },
  };
}

export async function loadLiveState(actor: Actor | null, articleId: string): Promise<LiveState | null> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { id: true, status: true, createdById: true } });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", row);
  return (await db.$transaction((tx) => readEditorVersion(tx, row.id, row.status))).live;
}

// The editor's "Compare with live": what the working copy would change on the public page.
export async function compareWorkingCopyWithLive(actor: Actor | null, articleId: string): Promise<RevisionComparison> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { id: true, status: true, createdById: true } });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", row);
  return db.$transaction(async (tx) => {
    const live = await readSnapshot(tx, row.id);
    return compareSnapshots(normalizeSnapshot(live), normalizeSnapshot((await readWorkingCopy(tx, row.id)) ?? live));
  });
}
