// Where a picture is used: stories that show it as their hero or in their body (by a figure or its
// caption record), and byline profiles that use it as their photo. Any status counts: a draft that
// uses a picture would break if it went.
import type { Db, Tx } from "../db";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";
import { storiesMentioningInBody } from "./usage-sql";

export type MediaUse = {
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
  const [captions, mentioned, bylines] = await Promise.all([
    client.caption.findMany({ where: { mediaId }, select: { articleId: true, heroOf: { select: { id: true } } } }),
    storiesMentioningInBody(client, mediaId),
    client.bylineProfile.findMany({ where: { photoMediaId: mediaId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const candidateIds = [...new Set([...captions.map((c) => c.articleId), ...mentioned])];
  const rows = await client.article.findMany({
    where: { OR: [{ heroMediaId: mediaId }, { id: { in: candidateIds } }] },
    select: storySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  // A caption record holds the picture too (and blocks deleting it), hero captions included.
  const captioned = new Set(captions.filter((c) => !c.heroOf).map((c) => c.articleId));
  const heroCaptioned = new Set(captions.filter((c) => c.heroOf).map((c) => c.articleId));
  const stories = rows.flatMap((row) => {
    const isHero = row.heroMediaId === mediaId || heroCaptioned.has(row.id);
    const isInBody = captioned.has(row.id) || collectReferences(row.body as unknown as BodyDoc).mediaIds.includes(mediaId);
    if (!isHero && !isInBody) return [];
    return [{ id: row.id, headline: row.headline, status: row.status, slug: row.slug, sectionSlug: row.section?.slug ?? null, isHero, isInBody }];
  });
  return { stories, bylines };
}

export function isUsed(usage: MediaUsage): boolean {
  return usage.stories.length > 0 || usage.bylines.length > 0;
}
