-- AlterTable
ALTER TABLE "LiveCoverage" ADD COLUMN     "sportsEventId" TEXT;

-- AlterTable
ALTER TABLE "Competition" ADD COLUMN     "slug" TEXT,
ADD COLUMN     "tieBreakers" JSONB;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "slug" TEXT;

-- AlterTable
ALTER TABLE "Athlete" ADD COLUMN     "slug" TEXT;

-- AlterTable
ALTER TABLE "SportsEvent" ADD COLUMN     "medalEvent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EventParticipant" ADD COLUMN     "record" TEXT;

-- AlterTable
ALTER TABLE "StandingsRow" ADD COLUMN     "form" TEXT;

-- CreateTable
CREATE TABLE "MedalTable" (
    "id" TEXT NOT NULL,
    "competitionSeasonId" TEXT NOT NULL,
    "computed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedalTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedalTableRow" (
    "id" TEXT NOT NULL,
    "medalTableId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gold" INTEGER NOT NULL DEFAULT 0,
    "silver" INTEGER NOT NULL DEFAULT 0,
    "bronze" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MedalTableRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleTeam" (
    "articleId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleTeam_pkey" PRIMARY KEY ("articleId","teamId")
);

-- CreateTable
CREATE TABLE "ArticleAthlete" (
    "articleId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleAthlete_pkey" PRIMARY KEY ("articleId","athleteId")
);

-- CreateTable
CREATE TABLE "ArticleSportsEvent" (
    "articleId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleSportsEvent_pkey" PRIMARY KEY ("articleId","eventId")
);

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

-- AddForeignKey
ALTER TABLE "LiveCoverage" ADD CONSTRAINT "LiveCoverage_sportsEventId_fkey" FOREIGN KEY ("sportsEventId") REFERENCES "SportsEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedalTable" ADD CONSTRAINT "MedalTable_competitionSeasonId_fkey" FOREIGN KEY ("competitionSeasonId") REFERENCES "CompetitionSeason"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedalTableRow" ADD CONSTRAINT "MedalTableRow_medalTableId_fkey" FOREIGN KEY ("medalTableId") REFERENCES "MedalTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTeam" ADD CONSTRAINT "ArticleTeam_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTeam" ADD CONSTRAINT "ArticleTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAthlete" ADD CONSTRAINT "ArticleAthlete_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAthlete" ADD CONSTRAINT "ArticleAthlete_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "Athlete"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSportsEvent" ADD CONSTRAINT "ArticleSportsEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSportsEvent" ADD CONSTRAINT "ArticleSportsEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "SportsEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

