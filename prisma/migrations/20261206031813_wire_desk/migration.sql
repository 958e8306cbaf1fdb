-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortCredit" TEXT NOT NULL,
    "creditFormat" TEXT NOT NULL,
    "distributor" TEXT,
    "wireAutoDraft" BOOLEAN NOT NULL DEFAULT true,
    "wireCancelUnpublishes" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Agency" ("createdAt", "creditFormat", "distributor", "id", "name", "shortCredit", "updatedAt", "version") SELECT "createdAt", "creditFormat", "distributor", "id", "name", "shortCredit", "updatedAt", "version" FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");
CREATE TABLE "new_WireItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guid" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'USABLE',
    "urgency" INTEGER,
    "provider" TEXT NOT NULL DEFAULT '',
    "agencyId" TEXT,
    "headline" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "embargoedUntil" DATETIME,
    "copyrightHolder" TEXT NOT NULL DEFAULT '',
    "copyrightNotice" TEXT NOT NULL DEFAULT '',
    "usageTerms" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "normalized" JSONB NOT NULL,
    "skipped" JSONB NOT NULL,
    "articleId" TEXT,
    "articleVersion" INTEGER,
    "pendingVersion" INTEGER,
    "pendingSource" TEXT,
    "pendingNormalized" JSONB,
    "importedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WireItem_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WireItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WireItem_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WireItem" ("agencyId", "articleId", "articleVersion", "copyrightHolder", "copyrightNotice", "createdAt", "embargoedUntil", "format", "guid", "headline", "id", "importedById", "normalized", "pendingNormalized", "pendingSource", "pendingVersion", "provider", "skipped", "source", "status", "updatedAt", "urgency", "usageTerms", "version") SELECT "agencyId", "articleId", "articleVersion", "copyrightHolder", "copyrightNotice", "createdAt", "embargoedUntil", "format", "guid", "headline", "id", "importedById", "normalized", "pendingNormalized", "pendingSource", "pendingVersion", "provider", "skipped", "source", "status", "updatedAt", "urgency", "usageTerms", "version" FROM "WireItem";
DROP TABLE "WireItem";
ALTER TABLE "new_WireItem" RENAME TO "WireItem";
CREATE UNIQUE INDEX "WireItem_guid_key" ON "WireItem"("guid");
CREATE UNIQUE INDEX "WireItem_articleId_key" ON "WireItem"("articleId");
CREATE INDEX "WireItem_createdAt_idx" ON "WireItem"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Items imported before the column existed are found by their headline.
UPDATE "WireItem" SET "searchText" = "headline";
