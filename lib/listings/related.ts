// "More on this story" at the foot of an article: the stories its body links to (in body order),
// then the published stories sharing most of its tags, then its section's newest. One statement:
// both lists as story cards, pictures included.
import "server-only";
import { cacheTags } from "../cache/tags";
import type { Db, Tx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { columns, jsonArray, jsonEmptyArray, jsonObject, selectJson } from "../sql-json";
import { cardMediaTags, toStoryCards, type StoryCard } from "./story-card";
import { storyCardSql, toStoryCardRow, type StoryCardJson } from "./story-card-sql";
import { publicArticleSql } from "../articles/embargo/visibility";

const RELATED_LIMIT = 4;
const CANDIDATES = 24;

type RelatedSource = { id: string; sectionId: string | null; tagIds: string[]; linkedIds: string[] };

type CandidateJson = StoryCardJson & { sectionId: string; tags: { tagId: string }[] };

// Public (published, past any embargo) and in a section.
const publicStory = () => Prisma.sql`${publicArticleSql("a")} AND a."sectionId" IS NOT NULL`;

function linkedSql(source: RelatedSource): Prisma.Sql {
  const ids = source.linkedIds.filter((id) => id !== source.id).slice(0, RELATED_LIMIT);
  if (ids.length === 0) return jsonEmptyArray();
  return jsonArray(storyCardSql("a"), Prisma.sql`FROM "Article" a WHERE ${publicStory()} AND a."id" IN (${Prisma.join(ids)})`);
}

// Sharing a tag or the section; null when the story has neither.
function sharedWhere(source: RelatedSource): Prisma.Sql | null {
  const shared = [
    ...(source.tagIds.length ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" st WHERE st."articleId" = a."id" AND st."tagId" IN (${Prisma.join(source.tagIds)}))`] : []),
    ...(source.sectionId ? [Prisma.sql`a."sectionId" = ${source.sectionId}`] : []),
  ];
  return shared.length ? Prisma.sql`(${Prisma.join(shared, " OR ")})` : null;
}

// The newest CANDIDATES stories sharing a tag or the section, newest first, with their tags. Only
// those few become cards: the inner query picks them by id, so a big section costs no more.
function candidatesSql(source: RelatedSource, shared: Prisma.Sql): Prisma.Sql {
  const card = storyCardSql("a", {
    ...columns("a", ["sectionId"]),
    tags: jsonArray(jsonObject(columns("ct", ["tagId"])), Prisma.sql`FROM "ArticleTag" ct WHERE ct."articleId" = a."id"`),
  });
  const newest = Prisma.sql`
    SELECT a."id", a."publishedAt" FROM "Article" a
    WHERE ${publicStory()} AND a."id" NOT IN (${Prisma.join([source.id, ...source.linkedIds])}) AND ${shared}
    ORDER BY a."publishedAt" DESC, a."id" ASC LIMIT ${Prisma.raw(String(CANDIDATES))}`;
  return jsonArray(card, Prisma.sql`FROM (${newest}) c JOIN "Article" a ON a."id" = c."id"`, Prisma.sql`c."publishedAt" DESC, c."id" ASC`);
}

type Candidate = ReturnType<typeof toStoryCardRow<CandidateJson>>;

// More shared tags first, then the same section; newest first within a score (the query's order).
function rank(candidates: Candidate[], source: RelatedSource): Candidate[] {
  const tagIds = new Set(source.tagIds);
  const score = (c: Candidate) => c.tags.filter((t) => tagIds.has(t.tagId)).length * 2 + (c.sectionId === source.sectionId ? 1 : 0);
  return candidates
    .map((c, order) => ({ c, order, score: score(c) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ c }) => c);
}

async function loadCards(client: Db | Tx, source: RelatedSource) {
  const shared = sharedWhere(source);
  const value = jsonObject({ linked: linkedSql(source), candidates: shared ? candidatesSql(source, shared) : jsonEmptyArray() });
  const [lists] = await selectJson<{ linked: StoryCardJson[]; candidates: CandidateJson[] }>(client, value);
  return { linked: lists.linked.map(toStoryCardRow), candidates: lists.candidates.map(toStoryCardRow) };
}

export async function loadRelatedStories(client: Db | Tx, source: RelatedSource): Promise<{ stories: StoryCard[]; tags: string[] }> {
  const hasLinks = source.linkedIds.some((id) => id !== source.id);
  if (!hasLinks && !sharedWhere(source)) return { stories: [], tags: [] };
  const { linked, candidates } = await loadCards(client, source);
  const order = new Map(source.linkedIds.map((id, index) => [id, index]));
  const linkedFirst = [...linked].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const rows = [...linkedFirst, ...rank(candidates, source)].slice(0, RELATED_LIMIT);
  return { stories: toStoryCards(rows), tags: [...rows.map((row) => cacheTags.article(row.id)), ...cardMediaTags(rows)] };
}
