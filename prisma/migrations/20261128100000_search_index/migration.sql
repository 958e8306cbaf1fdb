-- Full-text search over published stories (hand-written: FTS5 cannot be expressed in schema.prisma,
-- and prisma/postgresql/migrations has the same migration for PostgreSQL).
-- lib/search/index-article.ts keeps the index in step, inside the transaction that writes the story.
-- No trigger or view refers to the story tables: Prisma rebuilds a SQLite table (create, copy, drop,
-- rename) to change it, and that rename fails while a view or trigger names the dropped table.

-- FTS5 rows are keyed by integers and Article's implicit rowid may change on VACUUM, so each story
-- gets a stable document number here.
CREATE TABLE "ArticleSearchKey" (
    "docId" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ArticleSearchKey_articleId_key" ON "ArticleSearchKey"("articleId");

-- One row per published story. "body" holds the body's text and its sidebars, "quotes" the pull
-- quotes and their speakers.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline", "standfirst", "body", "captions", "quotes",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Index the stories that are already published.
INSERT INTO "ArticleSearchKey" ("articleId")
SELECT "id" FROM "Article" WHERE "status" = 'PUBLISHED';

INSERT INTO "ArticleSearch" (rowid, "headline", "standfirst", "body", "captions", "quotes")
SELECT
    k."docId",
    a."headline",
    a."standfirst",
    a."bodyText" || coalesce(char(10) || (
        SELECT group_concat(sb."heading" || char(10) || coalesce((
            SELECT group_concat(j."value", ' ') FROM json_tree(sb."body") j WHERE j."key" = 'text' AND j."type" = 'text'
        ), ''), char(10))
        FROM "Sidebar" sb WHERE sb."articleId" = a."id"
    ), ''),
    coalesce((SELECT group_concat(c."text", char(10)) FROM "Caption" c WHERE c."articleId" = a."id"), ''),
    coalesce((SELECT group_concat(q."text" || ' ' || q."speaker", char(10)) FROM "Quote" q WHERE q."articleId" = a."id"), '')
FROM "Article" a
JOIN "ArticleSearchKey" k ON k."articleId" = a."id";
