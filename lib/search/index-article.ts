// Keeps the search index in step with a story. Call it inside the transaction that writes the
// story (fields, body, captions, quotes, sidebars or status), after those writes: a published
// story is (re)indexed, any other story is removed from the index. A write that has the story's
// text in hand passes it (indexArticle); one that changed only the status has it read
// (reindexArticle).
import "server-only";
import { isPostgres, type Db, type Tx } from "../db";
import { toSearchDocument, type SearchDocument, type SearchSource } from "./document";

type Client = Db | Tx;
export type IndexSource = SearchSource & { status: string };

async function loadSearchSource(client: Client, articleId: string) {
  return client.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      headline: true,
      standfirst: true,
      bodyText: true,
      sidebars: { orderBy: { createdAt: "asc" }, select: { heading: true, body: true } },
      captions: { orderBy: { createdAt: "asc" }, select: { text: true } },
      quotes: { orderBy: { createdAt: "asc" }, select: { text: true, speaker: true } },
    },
  });
}

async function removeSqlite(client: Client, articleId: string): Promise<void> {
  await client.$executeRaw`DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT "docId" FROM "ArticleSearchKey" WHERE "articleId" = ${articleId})`;
}

async function writeSqlite(client: Client, articleId: string, doc: SearchDocument): Promise<void> {
  await removeSqlite(client, articleId);
  // The story keeps its document number; its section and publication time (what search filters
  // and orders by) are copied from the row this transaction just wrote.
  await client.$executeRaw`
    INSERT INTO "ArticleSearchKey" ("articleId", "sectionId", "publishedAt")
    SELECT "id", "sectionId", julianday("publishedAt") FROM "Article" WHERE "id" = ${articleId}
    ON CONFLICT ("articleId") DO UPDATE SET "sectionId" = excluded."sectionId", "publishedAt" = excluded."publishedAt"`;
  await client.$executeRaw`
    INSERT INTO "ArticleSearch" (rowid, "headline", "standfirst", "body", "captions", "quotes")
    SELECT "docId", ${doc.headline}, ${doc.standfirst}, ${doc.body}, ${doc.captions}, ${doc.quotes}
    FROM "ArticleSearchKey" WHERE "articleId" = ${articleId}`;
}

async function removePostgres(client: Client, articleId: string): Promise<void> {
  await client.$executeRaw`DELETE FROM "ArticleSearch" WHERE "articleId" = ${articleId}`;
}

async function writePostgres(client: Client, articleId: string, doc: SearchDocument): Promise<void> {
  // Section and publication time (what search filters and orders by) come from the row this
  // transaction just wrote.
  await client.$executeRaw`
    INSERT INTO "ArticleSearch" ("articleId", "headline", "standfirst", "body", "captions", "quotes", "sectionId", "publishedAt")
    SELECT "id", ${doc.headline}, ${doc.standfirst}, ${doc.body}, ${doc.captions}, ${doc.quotes}, "sectionId", "publishedAt" FROM "Article" WHERE "id" = ${articleId}
    ON CONFLICT ("articleId") DO UPDATE SET "headline" = EXCLUDED."headline", "standfirst" = EXCLUDED."standfirst",
      "body" = EXCLUDED."body", "captions" = EXCLUDED."captions", "quotes" = EXCLUDED."quotes",
      "sectionId" = EXCLUDED."sectionId", "publishedAt" = EXCLUDED."publishedAt"`;
}

export async function reindexArticle(client: Client, articleId: string): Promise<void> {
  await indexArticle(client, articleId, await loadSearchSource(client, articleId));
}

// `source`: the story as the caller just wrote it (null: it is gone).
export async function indexArticle(client: Client, articleId: string, source: IndexSource | null): Promise<void> {
  const postgres = isPostgres();
  if (!source || source.status !== "PUBLISHED") {
    await (postgres ? removePostgres(client, articleId) : removeSqlite(client, articleId));
    return;
  }
  const doc = toSearchDocument(source);
  await (postgres ? writePostgres(client, articleId, doc) : writeSqlite(client, articleId, doc));
}

// A story deleted for good: its index rows go, and on SQLite its document number too (PostgreSQL's
// index row goes with the story by its foreign key; this removes it either way).
export async function forgetArticle(client: Client, articleId: string): Promise<void> {
  if (isPostgres()) return removePostgres(client, articleId);
  await removeSqlite(client, articleId);
  await client.$executeRaw`DELETE FROM "ArticleSearchKey" WHERE "articleId" = ${articleId}`;
}
