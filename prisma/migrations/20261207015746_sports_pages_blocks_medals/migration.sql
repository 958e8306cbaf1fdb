-- AlterTable
ALTER TABLE "Competition" ADD COLUMN "slug" TEXT;
ALTER TABLE "Competition" ADD COLUMN "tieBreakers" JSONB;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "slug" TEXT;

-- AlterTable
ALTER TABLE "Athlete" ADD COLUMN "slug" TEXT;

-- AlterTable
ALTER TABLE "EventParticipant" ADD COLUMN "record" TEXT;

-- AlterTable
ALTER TABLE "StandingsRow" ADD COLUMN "form" TEXT;

-- CreateTable
CREATE TABLE "MedalTable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitionSeasonId" TEXT NOT NULL,
    "computed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MedalTable_competitionSeasonId_fkey" FOREIGN KEY ("competitionSeasonId") REFERENCES "CompetitionSeason" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MedalTableRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "medalTableId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gold" INTEGER NOT NULL DEFAULT 0,
    "silver" INTEGER NOT NULL DEFAULT 0,
    "bronze" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "MedalTableRow_medalTableId_fkey" FOREIGN KEY ("medalTableId") REFERENCES "MedalTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleTeam" (
    "articleId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "teamId"),
    CONSTRAINT "ArticleTeam_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleAthlete" (
    "articleId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "athleteId"),
    CONSTRAINT "ArticleAthlete_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleAthlete_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "Athlete" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleSportsEvent" (
    "articleId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "eventId"),
    CONSTRAINT "ArticleSportsEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleSportsEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "SportsEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LiveCoverage" (
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
    "sportsEventId" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveCoverage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveCoverage_sportsEventId_fkey" FOREIGN KEY ("sportsEventId") REFERENCES "SportsEvent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LiveCoverage" ("articleId", "createdAt", "endsAt", "keyPoints", "lastSeq", "matchAway", "matchCompetition", "matchHome", "matchKickoff", "matchVenue", "startsAt", "status", "updatedAt", "version") SELECT "articleId", "createdAt", "endsAt", "keyPoints", "lastSeq", "matchAway", "matchCompetition", "matchHome", "matchKickoff", "matchVenue", "startsAt", "status", "updatedAt", "version" FROM "LiveCoverage";
DROP TABLE "LiveCoverage";
ALTER TABLE "new_LiveCoverage" RENAME TO "LiveCoverage";
CREATE TABLE "new_SportsEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identity" TEXT NOT NULL,
    "key" TEXT,
    "sportId" TEXT,
    "competitionSeasonId" TEXT,
    "parentId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT,
    "stage" TEXT,
    "startsAt" DATETIME,
    "startsAtLocal" TEXT,
    "endsAt" DATETIME,
    "endsAtLocal" TEXT,
    "venue" TEXT,
    "status" TEXT,
    "period" TEXT,
    "minute" TEXT,
    "attendance" INTEGER,
    "medalEvent" BOOLEAN NOT NULL DEFAULT false,
    "result" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SportsEvent_sportId_fkey" FOREIGN KEY ("sportId") REFERENCES "Sport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SportsEvent_competitionSeasonId_fkey" FOREIGN KEY ("competitionSeasonId") REFERENCES "CompetitionSeason" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SportsEvent_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "SportsEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SportsEvent" ("attendance", "competitionSeasonId", "createdAt", "endsAt", "endsAtLocal", "id", "identity", "key", "minute", "name", "parentId", "period", "position", "result", "sportId", "stage", "startsAt", "startsAtLocal", "status", "updatedAt", "venue", "version") SELECT "attendance", "competitionSeasonId", "createdAt", "endsAt", "endsAtLocal", "id", "identity", "key", "minute", "name", "parentId", "period", "position", "result", "sportId", "stage", "startsAt", "startsAtLocal", "status", "updatedAt", "venue", "version" FROM "SportsEvent";
DROP TABLE "SportsEvent";
ALTER TABLE "new_SportsEvent" RENAME TO "SportsEvent";
CREATE UNIQUE INDEX "SportsEvent_identity_key" ON "SportsEvent"("identity");
CREATE UNIQUE INDEX "SportsEvent_key_key" ON "SportsEvent"("key");
CREATE INDEX "SportsEvent_competitionSeasonId_startsAt_idx" ON "SportsEvent"("competitionSeasonId", "startsAt");
CREATE INDEX "SportsEvent_sportId_startsAt_idx" ON "SportsEvent"("sportId", "startsAt");
CREATE INDEX "SportsEvent_parentId_idx" ON "SportsEvent"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MedalTable_competitionSeasonId_key" ON "MedalTable"("competitionSeasonId");

-- CreateIndex
CREATE UNIQUE INDEX "MedalTableRow_medalTableId_country_key" ON "MedalTableRow"("medalTableId", "country");

-- CreateIndex
CREATE INDEX "ArticleTeam_teamId_idx" ON "ArticleTeam"("teamId");

-- CreateIndex
CREATE INDEX "ArticleAthlete_athleteId_idx" ON "ArticleAthlete"("athleteId");

-- CreateIndex
CREATE INDEX "ArticleSportsEvent_eventId_idx" ON "ArticleSportsEvent"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Competition_slug_key" ON "Competition"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Athlete_slug_key" ON "Athlete"("slug");

