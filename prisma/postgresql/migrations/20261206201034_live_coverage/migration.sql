-- CreateEnum
CREATE TYPE "LiveStatus" AS ENUM ('UPCOMING', 'LIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "LiveEntryType" AS ENUM ('UPDATE', 'GOAL', 'CARD', 'SUBSTITUTION', 'PERIOD_START', 'PERIOD_END', 'SUMMARY', 'OTHER');

-- CreateEnum
CREATE TYPE "LiveChangeKind" AS ENUM ('CREATED', 'EDITED', 'DELETED', 'PINNED', 'UNPINNED', 'COVERAGE');

-- CreateTable
CREATE TABLE "LiveCoverage" (
    "articleId" TEXT NOT NULL,
    "status" "LiveStatus" NOT NULL DEFAULT 'UPCOMING',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "keyPoints" JSONB NOT NULL,
    "matchHome" TEXT,
    "matchAway" TEXT,
    "matchCompetition" TEXT,
    "matchVenue" TEXT,
    "matchKickoff" TIMESTAMP(3),
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveCoverage_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "type" "LiveEntryType" NOT NULL DEFAULT 'UPDATE',
    "postedAt" TIMESTAMP(3) NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "homeScore" INTEGER,
    "awayScore" INTEGER,
    "minuteOrPeriod" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryAuthor" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LiveEntryAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveChange" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "entryId" TEXT,
    "kind" "LiveChangeKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveChange_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "LiveCoverage" ADD CONSTRAINT "LiveCoverage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveCoverage"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryAuthor" ADD CONSTRAINT "LiveEntryAuthor_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryAuthor" ADD CONSTRAINT "LiveEntryAuthor_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "BylineProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveChange" ADD CONSTRAINT "LiveChange_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveCoverage"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveChange" ADD CONSTRAINT "LiveChange_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

