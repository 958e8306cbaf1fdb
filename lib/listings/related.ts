// "More on this story" at the foot of an article: the stories its body links to (in body order),
// then the published stories sharing most of its tags, then its section's newest. Two queries.
import { cacheTags } from "../cache/tags";
import type { Db, Tx } from "../db";
import { cardMediaTags, storyCardSelect, toStoryCards, type StoryCard } from "./story-card";

export const RELATED_LIMIT = 4;
const CANDIDATES = 24;

export type RelatedSource = { id: string; sectionId: string | null; tagIds: string[]; linkedIds: string[] };

const published = { status: "PUBLISHED" as const, sectionId: { not: null } };

function loadLinked(client: Db | Tx, source: RelatedSource) {
  const ids = source.linkedIds.filter((id) => id !== source.id).slice(0, RELATED_LIMIT);
  if (ids.length === 0) return Promise.resolve([]);
  return client.article.findMany({ where: { ...published, id: { in: ids } }, select: storyCardSelect });
}

function loadCandidates(client: Db | Tx, source: RelatedSource) {
  const shared = [
    ...(source.tagIds.length ? [{ tags: { some: { tagId: { in: source.tagIds } } } }] : []),
    ...(source.sectionId ? [{ sectionId: source.sectionId }] : []),
  ];
  if (shared.length === 0) return Promise.resolve([]);
  return client.article.findMany({
    where: { ...published, id: { notIn: [source.id, ...source.linkedIds] }, OR: shared },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
    select: { ...storyCardSelect, sectionId: true, tags: { select: { tagId: true } } },
  });
}

type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

// More shared tags first, then the same section; newest first within a score (the query's order).
function rank(candidates: Candidate[], source: RelatedSource): Candidate[] {
  const tagIds = new Set(source.tagIds);
  const score = (c: Candidate) => c.tags.filter((t) => tagIds.has(t.tagId)).length * 2 + (c.sectionId === source.sectionId ? 1 : 0);
  return candidates.map((c, order) => ({ c, order, score: score(c) })).sort((a, b) => b.score - a.score || a.order - b.order).map(({ c }) => c);
}

export async function loadRelatedStories(client: Db | Tx, source: RelatedSource): Promise<{ stories: StoryCard[]; tags: string[] }> {
  const [linked, candidates] = await Promise.all([loadLinked(client, source), loadCandidates(client, source)]);
  const order = new Map(source.linkedIds.map((id, index) => [id, index]));
  const linkedFirst = [...linked].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const rows = [...linkedFirst, ...rank(candidates, source)].slice(0, RELATED_LIMIT);
  return { stories: toStoryCards(rows), tags: [...rows.map((row) => cacheTags.article(row.id)), ...cardMediaTags(rows)] };
}
