// Where a picture is used: stories that show it as their hero or in their body (by a figure or its
// caption record), and byline profiles that use it as their photo. Any status counts: a draft that
// uses a picture would break if it went.
import type { Db, Tx } from "../db";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";
import { storiesMentioningInBody, workingCopiesMentioning } from "./usage-sql";

type MediaUse = {
  id: string;
  headline: string;
  status: string;
  slug: string;
  sectionSlug: string | null;
  isHero: boolean;
  isInBody: boolean;
};

export type MediaUsage = { stories: MediaUse[]; bylines: { id: string; name: string }[] };

const storySelect = { id: true, headline: true, status: true, slug: true, heroMediaId: true, body: true, section: { select: { slug: true } } } as const;

export async function findMediaUsage(client: Db | Tx, mediaId: string): Promise<MediaUsage> {
  const [captions, mentioned, copies, bylines] = await Promise.all([
    client.caption.findMany({ where: { mediaId }, select: { articleId: true, heroOf: { select: { id: true } } } }),
    storiesMentioningInBody(client, mediaId),
    workingCopiesMentioning(client, mediaId),
    client.bylineProfile.findMany({ where: { photoMediaId: mediaId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  // A live story's working copy holds the picture too: updating the live story would need it.
  const inCopies = new Map(copies.map((copy) => [copy.articleId, usesInSnapshot(copy.snapshot, mediaId)]));
  const candidateIds = [...new Set([...captions.map((c) => c.articleId), ...mentioned, ...inCopies.keys()])];
  const rows = await client.article.findMany({
    where: { OR: [{ heroMediaId: mediaId }, { id: { in: candidateIds } }] },
    select: storySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  // A caption record holds the picture too (and blocks deleting it), hero captions included.
  const captioned = new Set(captions.filter((c) => !c.heroOf).map((c) => c.articleId));
  const heroCaptioned = new Set(captions.filter((c) => c.heroOf).map((c) => c.articleId));
  const stories = rows.flatMap((row) => {
    const copy = inCopies.get(row.id);
    const isHero = row.heroMediaId === mediaId || heroCaptioned.has(row.id) || Boolean(copy?.isHero);
    const isInBody = captioned.has(row.id) || collectReferences(row.body as BodyDoc).mediaIds.includes(mediaId) || Boolean(copy?.isInBody);
    if (!isHero && !isInBody) return [];
    return [{ id: row.id, headline: row.headline, status: row.status, slug: row.slug, sectionSlug: row.section?.slug ?? null, isHero, isInBody }];
  });
  return { stories, bylines };
}

function usesInSnapshot(raw: unknown, mediaId: string): { isHero: boolean; isInBody: boolean } {
  const snapshot = (typeof raw === "string" ? JSON.parse(raw) : raw) as { hero?: { mediaId?: string } | null; captions?: { mediaId?: string }[]; body?: unknown };
  const isInBody = (snapshot.captions ?? []).some((c) => c.mediaId === mediaId) || collectReferences(snapshot.body as BodyDoc).mediaIds.includes(mediaId);
  return { isHero: snapshot.hero?.mediaId === mediaId, isInBody };
}

export function isUsed(usage: MediaUsage): boolean {
  return usage.stories.length > 0 || usage.bylines.length > 0;
}
