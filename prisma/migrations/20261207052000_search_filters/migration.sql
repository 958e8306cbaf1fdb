-- Search filters read from the index (hand-written, like *_search_index: prisma/postgresql/migrations
-- has the same migration for PostgreSQL). A filtered search used to join every match to "Article"
-- for its section and publication time: for a common word at 100,000 stories that is 100,000
-- lookups into rows the size of a story (1-2 s). The document number map now carries both, so a
-- filter is checked on a small row found by its integer key. lib/search/index-article.ts fills
-- them in the story's own transaction, whenever the story is (re)indexed.

-- "publishedAt" is julianday() of the story's publication time, the form search compares.
ALTER TABLE "ArticleSearchKey" ADD COLUMN "sectionId" TEXT;
ALTER TABLE "ArticleSearchKey" ADD COLUMN "publishedAt" REAL;

UPDATE "ArticleSearchKey" SET ("sectionId", "publishedAt") = (
    SELECT a."sectionId", julianday(a."publishedAt") FROM "Article" a WHERE a."id" = "ArticleSearchKey"."articleId"
);
