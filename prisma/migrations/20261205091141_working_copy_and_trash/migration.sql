-- CreateTable
CREATE TABLE "WorkingCopy" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "snapshot" JSONB NOT NULL,
    "updatedById" TEXT,
    "updateAt" DATETIME,
    "updateById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkingCopy_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkingCopy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkingCopy_updateById_fkey" FOREIGN KEY ("updateById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "sectionId" TEXT,
    "kicker" TEXT NOT NULL DEFAULT '',
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL DEFAULT '',
    "agencyLine" TEXT NOT NULL DEFAULT '',
    "heroMediaId" TEXT,
    "heroCaptionId" TEXT,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishAt" DATETIME,
    "publishedAt" DATETIME,
    "firstPublishedAt" DATETIME,
    "createdById" TEXT,
    "lastEditedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_heroMediaId_fkey" FOREIGN KEY ("heroMediaId") REFERENCES "Media" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_heroCaptionId_fkey" FOREIGN KEY ("heroCaptionId") REFERENCES "Caption" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("agencyLine", "body", "bodyText", "createdAt", "createdById", "firstPublishedAt", "headline", "heroCaptionId", "heroMediaId", "id", "kicker", "lastEditedById", "publishAt", "publishedAt", "sectionId", "slug", "standfirst", "status", "updatedAt", "version") SELECT "agencyLine", "body", "bodyText", "createdAt", "createdById", "firstPublishedAt", "headline", "heroCaptionId", "heroMediaId", "id", "kicker", "lastEditedById", "publishAt", "publishedAt", "sectionId", "slug", "standfirst", "status", "updatedAt", "version" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE UNIQUE INDEX "Article_heroCaptionId_key" ON "Article"("heroCaptionId");
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");
CREATE INDEX "Article_sectionId_status_publishedAt_idx" ON "Article"("sectionId", "status", "publishedAt");
CREATE INDEX "Article_publishAt_idx" ON "Article"("publishAt");
CREATE INDEX "Article_deletedAt_idx" ON "Article"("deletedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WorkingCopy_updateAt_idx" ON "WorkingCopy"("updateAt");

