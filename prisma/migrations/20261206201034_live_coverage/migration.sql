-- CreateTable
CREATE TABLE "LiveCoverage" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'UPCOMING',
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "keyPoints" JSONB NOT NULL,
    "matchHome" TEXT,
    "matchAway" TEXT,
    "matchCompetition" TEXT,
    "matchVenue" TEXT,
    "matchKickoff" DATETIME,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveCoverage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL DEFAULT 'UPDATE',
    "postedAt" DATETIME NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "homeScore" INTEGER,
    "awayScore" INTEGER,
    "minuteOrPeriod" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveCoverage" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveEntryAuthor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "LiveEntryAuthor_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveEntryAuthor_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "BylineProfile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "entryId" TEXT,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveChange_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveCoverage" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveChange_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LiveEntry_articleId_deletedAt_postedAt_idx" ON "LiveEntry"("articleId", "deletedAt", "postedAt");

-- CreateIndex
CREATE INDEX "LiveEntry_createdById_idx" ON "LiveEntry"("createdById");

-- CreateIndex
CREATE INDEX "LiveEntryAuthor_profileId_idx" ON "LiveEntryAuthor"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveEntryAuthor_entryId_profileId_key" ON "LiveEntryAuthor"("entryId", "profileId");

-- CreateIndex
CREATE INDEX "LiveChange_entryId_idx" ON "LiveChange"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveChange_articleId_seq_key" ON "LiveChange"("articleId", "seq");

