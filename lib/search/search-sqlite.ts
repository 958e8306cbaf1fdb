// Search on SQLite: FTS5 MATCH over quoted words, ranked by bm25 with the headline weighted most.
import type { Db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { MATCH_END, MATCH_START, splitHighlights } from "./highlight";
import { toFtsMatch } from "./query";
import type { SearchRequest, SearchRow } from "./types";

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
  const words = splitHighlights(snippet ?? "").filter((part) => part.isMatch).map((part) => part.text.toLowerCase());
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

function whereClause(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`WHERE "ArticleSearch" MATCH ${toFtsMatch(request.terms)} AND a."status" = 'PUBLISHED'
    ${request.sectionSlug ? Prisma.sql`AND s."slug" = ${request.sectionSlug}` : Prisma.empty}
    ${request.from ? Prisma.sql`AND julianday(a."publishedAt") >= julianday(${request.from.toISOString()})` : Prisma.empty}
    ${request.until ? Prisma.sql`AND julianday(a."publishedAt") < julianday(${request.until.toISOString()})` : Prisma.empty}`;
}

export async function searchSqlite(db: Db, request: SearchRequest): Promise<{ rows: SearchRow[]; total: number }> {
  const where = whereClause(request);
  const offset = (request.page - 1) * request.pageSize;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<SqliteRow[]>`
      SELECT a."id", a."slug", a."kicker", a."standfirst", a."publishedAt", s."slug" AS "sectionSlug", s."name" AS "sectionName",
        highlight("ArticleSearch", 0, ${MATCH_START}, ${MATCH_END}) AS "headlineMarked",
        ${snippetColumns()}
      ${FROM} ${where}
      ORDER BY ${RANK}, a."publishedAt" DESC
      LIMIT ${request.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" ${FROM} ${where}`,
  ]);
  return { rows: rows.map(toSearchRow), total: Number(counted[0]?.total ?? 0) };
}
