-- Search filters read from the index (hand-written, like *_search_index: prisma/migrations has the
-- same migration for SQLite). A filtered search used to join every match to "Article" for its
-- section and publication time, and ranked every match before it could keep one page. The index row
-- now carries both, with B-tree indexes beside the GIN one: PostgreSQL can combine a word's bitmap
-- with a section's or a date range's, and count without reading the stories.
-- lib/search/index-article.ts fills them in the story's own transaction, whenever it is (re)indexed.
ALTER TABLE "ArticleSearch" ADD COLUMN "sectionId" TEXT;
ALTER TABLE "ArticleSearch" ADD COLUMN "publishedAt" TIMESTAMP(3);

UPDATE "ArticleSearch" sr SET "sectionId" = a."sectionId", "publishedAt" = a."publishedAt"
FROM "Article" a WHERE a."id" = sr."articleId";

CREATE INDEX "ArticleSearch_sectionId_publishedAt_idx" ON "ArticleSearch"("sectionId", "publishedAt");
CREATE INDEX "ArticleSearch_publishedAt_idx" ON "ArticleSearch"("publishedAt");
