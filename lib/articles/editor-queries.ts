// Reads for the newsroom's story screens. Staff-only: every function takes the actor and checks it.
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { formatCredit } from "../credits/format";
import { mediaUrl, pickDefaultRendition } from "../media/urls";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";
import { readSnapshot } from "./snapshot";
import type { ArticleInput } from "./schema";

export type PickerMedia = { id: string; src: string; altText: string; defaultCaption: string; credit: string | null; hasProblems: boolean };
export type PickerStory = { id: string; headline: string; status: string };

const mediaSelect = {
  id: true, altText: true, defaultCaption: true, creditOverride: true, rightsExpireAt: true, storageKey: true,
  photographer: { select: { name: true } },
  agency: { select: { name: true, shortCredit: true, creditFormat: true, distributor: true } },
  renditions: { select: { format: true, width: true, height: true, storageKey: true } },
} as const;

type MediaRow = { id: string; altText: string; defaultCaption: string; creditOverride: string | null; rightsExpireAt: Date | null; storageKey: string; photographer: { name: string } | null; agency: { name: string; shortCredit: string; creditFormat: string; distributor: string | null } | null; renditions: { format: string; width: number; height: number; storageKey: string }[] };

export function toPickerMedia(row: MediaRow): PickerMedia {
  const credit = formatCredit(row);
  const rendition = pickDefaultRendition(row.renditions, "jpeg", 480);
  const isExpired = row.rightsExpireAt !== null && row.rightsExpireAt <= new Date();
  return { id: row.id, src: rendition ? mediaUrl(rendition.storageKey) : "", altText: row.altText, defaultCaption: row.defaultCaption, credit: credit?.full ?? null, hasProblems: !credit || !row.altText.trim() || isExpired };
}

export async function searchPickerMedia(actor: Actor | null, query: string, take = 24): Promise<PickerMedia[]> {
  assertCan(actor, "article.create");
  const q = query.trim().slice(0, 100);
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
  const q = query.trim().slice(0, 100);
  return db.article.findMany({
    where: { id: { not: excludeId }, status: "PUBLISHED", deletedAt: null, ...(q ? { headline: { contains: q } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: { id: true, headline: true, status: true },
  });
}

export type EditorStory = {
  id: string; version: number; status: string; createdById: string | null; publishAt: string | null; publishedAt: string | null;
  href: string | null; lastEditedBy: string | null; updatedAt: string;
  article: ArticleInput;
  media: PickerMedia[];
  stories: PickerStory[];
  notes: { id: string; kind: string; text: string; createdAt: string }[];
};

export async function loadStoryForEditor(actor: Actor | null, articleId: string): Promise<EditorStory> {
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, version: true, status: true, createdById: true, publishAt: true, publishedAt: true, slug: true, updatedAt: true, heroMediaId: true, body: true, section: { select: { slug: true } }, lastEditedBy: { select: { name: true } }, notes: { orderBy: { createdAt: "asc" } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "That story does not exist.");
  assertCan(actor, "article.read", row);
  const article = await db.$transaction((tx) => readSnapshot(tx, articleId));
  const refs = collectReferences(row.body as unknown as BodyDoc);
  const mediaIds = [...new Set([...refs.mediaIds, ...(row.heroMediaId ? [row.heroMediaId] : [])])];
  const [media, stories] = await Promise.all([
    db.media.findMany({ where: { id: { in: mediaIds } }, select: mediaSelect }),
    db.article.findMany({ where: { id: { in: refs.articleIds } }, select: { id: true, headline: true, status: true } }),
  ]);
  return {
    id: row.id, version: row.version, status: row.status, createdById: row.createdById,
    publishAt: row.publishAt?.toISOString() ?? null, publishedAt: row.publishedAt?.toISOString() ?? null,
    href: row.section ? `/${row.section.slug}/${row.slug}` : null,
    lastEditedBy: row.lastEditedBy?.name ?? null, updatedAt: row.updatedAt.toISOString(),
    article, media: media.map(toPickerMedia), stories,
    notes: row.notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, createdAt: n.createdAt.toISOString() })),
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

