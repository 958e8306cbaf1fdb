// Search on PostgreSQL: the words as plainto_tsquery (all must match, English stemming) against
// the weighted tsvector, ranked by ts_rank; ts_headline marks the matches of the page's rows only.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { MATCH_END, MATCH_START } from "./highlight";
import { toTsQueryText } from "./query";
import type { SearchRequest, SearchRow } from "./types";
import { publicArticleSql } from "../articles/embargo/visibility";

const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const SNIPPET_OPTIONS = `MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

function fromWhere(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`
    FROM "ArticleSearch" sr
    JOIN "Article" a ON a."id" = sr."articleId"
    JOIN "Section" s ON s."id" = a."sectionId"
    WHERE sr."document" @@ plainto_tsquery('english'::regconfig, ${toTsQueryText(request.terms)}) AND ${publicArticleSql("a")}
      ${request.sectionSlug ? Prisma.sql`AND s."slug" = ${request.sectionSlug}` : Prisma.empty}
      ${request.from ? Prisma.sql`AND a."publishedAt" >= ${request.from}` : Prisma.empty}
      ${request.until ? Prisma.sql`AND a."publishedAt" < ${request.until}` : Prisma.empty}`;
}

export async function searchPostgres(db: Db, request: SearchRequest): Promise<{ rows: SearchRow[]; total: number }> {
  const query = Prisma.sql`plainto_tsquery('english'::regconfig, ${toTsQueryText(request.terms)})`;
  const offset = (request.page - 1) * request.pageSize;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<SearchRow[]>`
      WITH hits AS (
        SELECT a."id", a."slug", a."kicker", a."standfirst", a."publishedAt", s."slug" AS "sectionSlug", s."name" AS "sectionName",
          sr."headline" AS "indexedHeadline", concat_ws(E'\n', sr."standfirst", sr."body", sr."captions", sr."quotes") AS "indexedText",
          ts_rank(sr."document", ${query}) AS "rank"
        ${fromWhere(request)}
        ORDER BY "rank" DESC, a."publishedAt" DESC
        LIMIT ${request.pageSize} OFFSET ${offset}
      )
      SELECT "id", "slug", "kicker", "standfirst", "publishedAt", "sectionSlug", "sectionName",
        ts_headline('english'::regconfig, "indexedHeadline", ${query}, ${HEADLINE_OPTIONS}) AS "headlineMarked",
        ts_headline('english'::regconfig, "indexedText", ${query}, ${SNIPPET_OPTIONS}) AS "snippetMarked"
      FROM hits ORDER BY "rank" DESC, "publishedAt" DESC`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" ${fromWhere(request)}`,
  ]);
  return { rows, total: Number(counted[0]?.total ?? 0) };
}
