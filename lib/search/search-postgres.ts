// Search on PostgreSQL: the words as plainto_tsquery (all must match, English stemming) against
// the weighted tsvector, ranked by ts_rank; ts_headline marks the matches of the page's rows only.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { MATCH_END, MATCH_START } from "./highlight";
import { toTsQueryText } from "./query";
import { countedMatches, countLimit, isRankedSearch } from "./ranking";
import type { SearchPage, SearchRequest, SearchRow } from "./types";
import { publicArticleSql } from "../articles/embargo/visibility";

const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const SNIPPET_OPTIONS = `MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

function tsQuery(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`plainto_tsquery('english'::regconfig, ${toTsQueryText(request.terms)})`;
}

// Counting and ordering read the index row only: it carries the story's section and publication
// time, each with a B-tree index beside the GIN one, so PostgreSQL combines a word's bitmap with a
// section's or a date range's instead of joining every match to "Article".
function indexWhere(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`WHERE sr."document" @@ ${tsQuery(request)}
    ${request.sectionSlug ? Prisma.sql`AND sr."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${request.sectionSlug})` : Prisma.empty}
    ${request.from ? Prisma.sql`AND sr."publishedAt" >= ${request.from}` : Prisma.empty}
    ${request.until ? Prisma.sql`AND sr."publishedAt" < ${request.until}` : Prisma.empty}`;
}

// Only published stories are in the index, so the index alone can count. (A story published in
// spite of an embargo would be counted, never shown: the page's rows are read through
// publicArticleSql below.) The count stops one past countLimit, and it reads matches only from
// bitmaps: the GIN index's, ANDed with a filter's B-tree. Any other plan checks rows against their
// tsvector, which PostgreSQL reads whole (decompressed, out of line) for every row it checks. At
// 100,000 stories a common word within a section was counted by a sequential scan that checked
// every story's tsvector until a thousand matched in the section (57 ms for the smallest, against
// 21 ms from the bitmaps), and a scan in publication order of a word common overall but absent
// from the section checked all 100,000 (0.4 s, against 13 ms). The settings last for the count's
// own transaction only.
async function countMatches(db: Db, request: SearchRequest): Promise<{ total: number; isTotalCapped: boolean }> {
  const limit = countLimit(request);
  const [, , counted] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$executeRaw`SET LOCAL enable_indexscan = off`,
    db.$queryRaw<{ total: number | bigint }[]>`
      SELECT count(*) AS "total" FROM (SELECT 1 FROM "ArticleSearch" sr ${indexWhere(request)} LIMIT ${limit + 1}) AS "matches"`,
  ]);
  return countedMatches(Number(counted[0]?.total ?? 0), limit);
}

// The page's stories in order, then their texts marked: ranked by ts_rank (newest first on a tie)
// up to RANKED_MATCH_LIMIT matches, newest first above it (read in publication order from the
// B-tree, so a common word never ranks every story it is in).
export async function searchPostgres(db: Db, request: SearchRequest): Promise<SearchPage> {
  const { total, isTotalCapped } = await countMatches(db, request);
  if (total === 0 || (request.page - 1) * request.pageSize >= total) return { rows: [], total, isTotalCapped };
  const query = tsQuery(request);
  const offset = (request.page - 1) * request.pageSize;
  const isRanked = isRankedSearch(request, total);
  const rows = await db.$queryRaw<SearchRow[]>`
    WITH hits AS (
      SELECT sr."articleId", sr."publishedAt" AS "indexedAt", ${isRanked ? Prisma.sql`ts_rank(sr."document", ${query})` : Prisma.sql`0`} AS "rank"
      FROM "ArticleSearch" sr ${indexWhere(request)}
      ORDER BY ${isRanked ? Prisma.sql`ts_rank(sr."document", ${query}) DESC, ` : Prisma.empty}sr."publishedAt" DESC, sr."articleId" DESC
      LIMIT ${request.pageSize} OFFSET ${offset}
    )
    SELECT a."id", a."slug", a."kicker", a."standfirst", a."publishedAt", s."slug" AS "sectionSlug", s."name" AS "sectionName",
      ts_headline('english'::regconfig, sr."headline", ${query}, ${HEADLINE_OPTIONS}) AS "headlineMarked",
      ts_headline('english'::regconfig, concat_ws(E'\n', sr."standfirst", sr."body", sr."captions", sr."quotes"), ${query}, ${SNIPPET_OPTIONS}) AS "snippetMarked"
    FROM hits h
    JOIN "ArticleSearch" sr ON sr."articleId" = h."articleId"
    JOIN "Article" a ON a."id" = h."articleId"
    JOIN "Section" s ON s."id" = a."sectionId"
    WHERE ${publicArticleSql("a")}
    ORDER BY h."rank" DESC, h."indexedAt" DESC, h."articleId" DESC`;
  return { rows, total, isTotalCapped };
}
