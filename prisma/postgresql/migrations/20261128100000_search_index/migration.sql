-- Full-text search over published stories (hand-written: tsvector columns and GIN indexes cannot be
-- expressed in schema.prisma. prisma/migrations has the same migration for SQLite.)
-- lib/search/index-article.ts keeps the index in step, inside the transaction that writes the story.

-- One row per published story. "body" holds the body's text and its sidebars, "quotes" the pull
-- quotes and their speakers. The document is derived from the texts, weighted for ranking.
CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL,
    "headline" TEXT NOT NULL DEFAULT '',
    "standfirst" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "captions" TEXT NOT NULL DEFAULT '',
    "quotes" TEXT NOT NULL DEFAULT '',
    "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "headline"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "standfirst"), 'B') ||
        setweight(to_tsvector('english'::regconfig, "body"), 'C') ||
        setweight(to_tsvector('english'::regconfig, "captions" || ' ' || "quotes"), 'D')
    ) STORED,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId"),
    CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

-- Index the stories that are already published.
INSERT INTO "ArticleSearch" ("articleId", "headline", "standfirst", "body", "captions", "quotes")
SELECT
    a."id",
    a."headline",
    a."standfirst",
    a."bodyText" || coalesce(E'\n' || (
        SELECT string_agg(sb."heading" || E'\n' || coalesce((
            SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(sb."body", 'strict $.**.text') AS t
        ), ''), E'\n')
        FROM "Sidebar" sb WHERE sb."articleId" = a."id"
    ), ''),
    coalesce((SELECT string_agg(c."text", E'\n') FROM "Caption" c WHERE c."articleId" = a."id"), ''),
    coalesce((SELECT string_agg(q."text" || ' ' || q."speaker", E'\n') FROM "Quote" q WHERE q."articleId" = a."id"), '')
FROM "Article" a
WHERE a."status" = 'PUBLISHED';
