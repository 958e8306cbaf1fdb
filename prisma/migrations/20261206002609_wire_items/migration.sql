-- CreateTable
CREATE TABLE "WireItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guid" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'USABLE',
    "urgency" INTEGER,
    "provider" TEXT NOT NULL DEFAULT '',
    "agencyId" TEXT,
    "headline" TEXT NOT NULL DEFAULT '',
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

-- CreateTable
CREATE TABLE "WirePicture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wireItemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "href" TEXT,
    "caption" TEXT NOT NULL DEFAULT '',
    "altText" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL,
    "copyright" TEXT NOT NULL DEFAULT '',
    "usageTerms" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "failure" TEXT,
    "mediaId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WirePicture_wireItemId_fkey" FOREIGN KEY ("wireItemId") REFERENCES "WireItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WirePicture_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_guid_key" ON "WireItem"("guid");

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_articleId_key" ON "WireItem"("articleId");

-- CreateIndex
CREATE INDEX "WireItem_createdAt_idx" ON "WireItem"("createdAt");

-- CreateIndex
CREATE INDEX "WirePicture_wireItemId_position_idx" ON "WirePicture"("wireItemId", "position");

-- CreateIndex
CREATE INDEX "WirePicture_mediaId_idx" ON "WirePicture"("mediaId");

