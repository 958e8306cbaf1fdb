// Search on SQLite: FTS5 MATCH over quoted words, ranked by bm25 with the headline weighted most.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { MATCH_END, MATCH_START, splitHighlights } from "./highlight";
import { toFtsMatch } from "./query";
import { countedMatches, countLimit, isRankedSearch } from "./ranking";
import type { SearchPage, SearchRequest, SearchRow } from "./types";
import { publicArticleSql } from "../articles/embargo/visibility";

// bm25 weights per column: headline, standfirst, body, captions, quotes.
const RANK = Prisma.sql`bm25("ArticleSearch", 10.0, 4.0, 1.0, 2.0, 2.0)`;
const SNIPPET_TOKENS = 28;

// The standfirst, body, captions and quotes columns (the headline is shown whole, highlighted).
const SNIPPET_COLUMNS = [1, 2, 3, 4] as const;

function snippetColumns(): Prisma.Sql {
  return Prisma.join(
    SNIPPET_COLUMNS.map((column) => Prisma.sql`snippet("ArticleSearch", ${column}, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS ${Prisma.raw(`"snippet${column}"`)}`),
    ", ",
  );
}

type SqliteRow = Omit<SearchRow, "snippetMarked"> & Record<`snippet${(typeof SNIPPET_COLUMNS)[number]}`, string | null>;

// Distinct words marked in a snippet.
function matchedWords(snippet: string | null): number {
  const words = splitHighlights(snippet ?? "")
    .filter((part) => part.isMatch)
    .map((part) => part.text.toLowerCase());
  return new Set(words).size;
}

// The snippet that shows the most of the reader's words (the earlier column on a tie).
function toSearchRow({ snippet1, snippet2, snippet3, snippet4, ...row }: SqliteRow): SearchRow {
  const snippets = [snippet1, snippet2, snippet3, snippet4];
  const scores = snippets.map(matchedWords);
  const best = scores.indexOf(Math.max(...scores));
  return { ...row, snippetMarked: scores[best] > 0 ? (snippets[best] ?? "") : "" };
}

const FROM = Prisma.sql`
  FROM "ArticleSearch"
  JOIN "ArticleSearchKey" k ON k."docId" = "ArticleSearch".rowid
  JOIN "Article" a ON a."id" = k."articleId"
  JOIN "Section" s ON s."id" = a."sectionId"`;

// Counting and ordering read the index only: the document number map carries each story's section
// and publication time, so a filter is checked on a small row found by its integer key, never on
// "Article" (100,000 lookups into rows the size of a story took 1-2 s for a common word). CROSS
// JOIN keeps the matches as the outer loop: the cost follows the number of matches, never the
// number of stories in a section or date range.
const INDEX_FROM = Prisma.sql`
  FROM "ArticleSearch"
  CROSS JOIN "ArticleSearchKey" k ON k."docId" = "ArticleSearch".rowid`;

function hasFilters(request: SearchRequest): boolean {
  return Boolean(request.sectionSlug || request.from || request.until);
}

function indexWhere(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`WHERE "ArticleSearch" MATCH ${toFtsMatch(request.terms)}
    ${request.sectionSlug ? Prisma.sql`AND k."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${request.sectionSlug})` : Prisma.empty}
    ${request.from ? Prisma.sql`AND k."publishedAt" >= julianday(${request.from.toISOString()})` : Prisma.empty}
    ${request.until ? Prisma.sql`AND k."publishedAt" < julianday(${request.until.toISOString()})` : Prisma.empty}`;
}

// Only published stories are in the index, so the index alone can count. (A story published in
// spite of an embargo would be counted, never shown: the page's rows are read through
// publicArticleSql below.) The count stops one past countLimit, as on PostgreSQL (see ranking.ts).
async function countMatches(db: Db, request: SearchRequest): Promise<{ total: number; isTotalCapped: boolean }> {
  const limit = countLimit(request);
  const counted = hasFilters(request)
    ? await db.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" FROM (SELECT 1 ${INDEX_FROM} ${indexWhere(request)} LIMIT ${limit + 1})`
    : await db.$queryRaw<{ total: number | bigint }[]>`
      SELECT count(*) AS "total" FROM (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${toFtsMatch(request.terms)} LIMIT ${limit + 1})`;
  return countedMatches(Number(counted[0]?.total ?? 0), limit);
}

// The index rows of the page asked for, in order: ranked by bm25 (newest first on a tie), or above
// RANKED_MATCH_LIMIT newest first; a very common unfiltered search straight from the index (the
// newest stories have the highest document numbers), so that it never sorts every story.
async function pageDocIds(db: Db, request: SearchRequest, isRanked: boolean): Promise<number[]> {
  const offset = (request.page - 1) * request.pageSize;
  const rows =
    !isRanked && !hasFilters(request)
      ? await db.$queryRaw<{ docId: number | bigint }[]>`
        SELECT rowid AS "docId" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${toFtsMatch(request.terms)}
        ORDER BY rowid DESC LIMIT ${request.pageSize} OFFSET ${offset}`
      : await db.$queryRaw<{ docId: number | bigint }[]>`
        SELECT k."docId" AS "docId" ${INDEX_FROM} ${indexWhere(request)}
        ORDER BY ${isRanked ? Prisma.sql`${RANK}, ` : Prisma.empty}k."publishedAt" DESC, k."docId" DESC
        LIMIT ${request.pageSize} OFFSET ${offset}`;
  return rows.map((row) => Number(row.docId));
}

// Two steps, so that highlights and snippets (the costly part) are made for one page of rows only.
export async function searchSqlite(db: Db, request: SearchRequest): Promise<SearchPage> {
  const { total, isTotalCapped } = await countMatches(db, request);
  if (total === 0 || (request.page - 1) * request.pageSize >= total) return { rows: [], total, isTotalCapped };
  const docIds = await pageDocIds(db, request, isRankedSearch(request, total));
  if (docIds.length === 0) return { rows: [], total, isTotalCapped };
  const rows = await db.$queryRaw<(SqliteRow & { docId: number | bigint })[]>`
    SELECT "ArticleSearch".rowid AS "docId", a."id", a."slug", a."kicker", a."standfirst", a."publishedAt", s."slug" AS "sectionSlug", s."name" AS "sectionName",
      highlight("ArticleSearch", 0, ${MATCH_START}, ${MATCH_END}) AS "headlineMarked",
      ${snippetColumns()}
    ${FROM}
    WHERE "ArticleSearch" MATCH ${toFtsMatch(request.terms)} AND "ArticleSearch".rowid IN (${Prisma.join(docIds)}) AND ${publicArticleSql("a")}`;
  const byDoc = new Map(rows.map(({ docId, ...row }) => [Number(docId), row]));
  return { rows: docIds.flatMap((id) => (byDoc.has(id) ? [toSearchRow(byDoc.get(id)!)] : [])), total, isTotalCapped };
}
