// What the bench needs to know about the seeded database, read back from it: published stories
// in listing order, section, tag and author addresses (largest listings first), search words
// with how many stories each finds, and row counts per table.
import type Database from "better-sqlite3";
import { articleHref } from "../../lib/articles/href";
import { toFtsMatch } from "../../lib/search/query";
import { COMMON_WORDS, RARE_WORDS, SPORTS } from "./vocabulary";

const COUNTED_TABLES = [
  "Article",
  "ArticleByline",
  "ArticleTag",
  "Caption",
  "Quote",
  "Sidebar",
  "RelatedLink",
  "Revision",
  "AuditEntry",
  "ArticleSearchKey",
  "Tag",
  "Section",
  "BylineProfile",
  "Media",
  "MediaRendition",
  "User",
  "Agency",
  "Photographer",
] as const;

export type RowCounts = Record<(typeof COUNTED_TABLES)[number] | "publishedArticles" | "draftArticles" | "searchRows", number>;

const count = (sqlite: Database.Database, sql: string, ...params: unknown[]) =>
  Number(
    (sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number | bigint) ?? 0,
  );

export function countRows(sqlite: Database.Database): RowCounts {
  const counts = Object.fromEntries(COUNTED_TABLES.map((table) => [table, count(sqlite, `SELECT count(*) FROM "${table}"`)])) as RowCounts;
  counts.publishedArticles = count(sqlite, `SELECT count(*) FROM "Article" WHERE "status" = 'PUBLISHED'`);
  counts.draftArticles = count(sqlite, `SELECT count(*) FROM "Article" WHERE "status" = 'DRAFT'`);
  counts.searchRows = count(sqlite, `SELECT count(*) FROM "ArticleSearch"`);
  return counts;
}

// Newest first, ties by id: the order of lib/listings/queries.ts.
export function publishedInListingOrder(sqlite: Database.Database): { id: string; path: string }[] {
  const rows = sqlite
    .prepare(
      `SELECT a."id", a."slug", s."slug" AS "section" FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
    WHERE a."status" = 'PUBLISHED' ORDER BY a."publishedAt" DESC, a."id" ASC`,
    )
    .all() as { id: string; slug: string; section: string }[];
  return rows.map((row) => ({ id: row.id, path: articleHref(row.section, row.slug) }));
}

export function listingPaths(sqlite: Database.Database): { sectionPaths: string[]; tagPaths: string[]; authorPaths: string[] } {
  const published = `JOIN "Article" a ON a."id" = x."articleId" AND a."status" = 'PUBLISHED'`;
  const sections = sqlite.prepare(`SELECT "slug" FROM "Section" ORDER BY "position"`).pluck().all() as string[];
  const tags = sqlite.prepare(`SELECT t."slug" FROM "Tag" t JOIN "ArticleTag" x ON x."tagId" = t."id" ${published} GROUP BY t."id" ORDER BY count(*) DESC, t."slug"`).pluck().all() as string[];
  const authors = sqlite
    .prepare(`SELECT p."slug" FROM "BylineProfile" p JOIN "ArticleByline" x ON x."profileId" = p."id" ${published} GROUP BY p."id" ORDER BY count(*) DESC, p."slug"`)
    .pluck()
    .all() as string[];
  return { sectionPaths: sections.map((s) => `/${s}`), tagPaths: tags.map((t) => `/tag/${t}`), authorPaths: authors.map((a) => `/author/${a}`) };
}

// Each word with the number of published stories search finds for it, most first.
export function searchTermCounts(sqlite: Database.Database, extra: string[]): Record<string, number> {
  const sportWords = Object.values(SPORTS).map((sport) => sport.things[0]);
  const words = [...COMMON_WORDS, ...sportWords, ...RARE_WORDS, ...extra];
  const statement = sqlite.prepare(`SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?`).pluck();
  const counted = words.map((word) => [word, Number(statement.get(toFtsMatch([word])))] as const);
  return Object.fromEntries(counted.sort((a, b) => b[1] - a[1]));
}
