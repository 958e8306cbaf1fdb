-- CreateTable
CREATE TABLE "EmbedSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorUrl" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "playerUrl" TEXT,
    "thumbnailId" TEXT,
    "failure" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmbedSnapshot_thumbnailId_fkey" FOREIGN KEY ("thumbnailId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EmbedSnapshot_thumbnailId_idx" ON "EmbedSnapshot"("thumbnailId");

