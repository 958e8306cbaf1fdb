-- CreateTable
CREATE TABLE "Sport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Competition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sportId" TEXT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "key" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Competition_sportId_fkey" FOREIGN KEY ("sportId") REFERENCES "Sport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompetitionSeason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompetitionSeason_competitionId_fkey" FOREIGN KEY ("competitionId") REFERENCES "Competition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "country" TEXT,
    "sportId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Team_sportId_fkey" FOREIGN KEY ("sportId") REFERENCES "Sport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Athlete" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "country" TEXT,
    "sportId" TEXT,
    "teamId" TEXT,
    "photoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Athlete_sportId_fkey" FOREIGN KEY ("sportId") REFERENCES "Sport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Athlete_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Athlete_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SportsEvent" (
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
    "result" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SportsEvent_sportId_fkey" FOREIGN KEY ("sportId") REFERENCES "Sport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SportsEvent_competitionSeasonId_fkey" FOREIGN KEY ("competitionSeasonId") REFERENCES "CompetitionSeason" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SportsEvent_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "SportsEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "teamId" TEXT,
    "athleteId" TEXT,
    "memberOfId" TEXT,
    "side" TEXT,
    "position" INTEGER NOT NULL,
    "score" INTEGER,
    "mark" TEXT,
    "rank" INTEGER,
    "outcome" TEXT,
    CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "SportsEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventParticipant_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EventParticipant_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "Athlete" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EventParticipant_memberOfId_fkey" FOREIGN KEY ("memberOfId") REFERENCES "EventParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeriodScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "name" TEXT,
    "score" INTEGER,
    "mark" TEXT,
    CONSTRAINT "PeriodScore_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "EventParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Standings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitionSeasonId" TEXT NOT NULL,
    "name" TEXT,
    "asOf" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Standings_competitionSeasonId_fkey" FOREIGN KEY ("competitionSeasonId") REFERENCES "CompetitionSeason" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StandingsRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "standingsId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rank" INTEGER,
    "played" INTEGER,
    "won" INTEGER,
    "drawn" INTEGER,
    "lost" INTEGER,
    "goalsFor" INTEGER,
    "goalsAgainst" INTEGER,
    "points" INTEGER,
    CONSTRAINT "StandingsRow_standingsId_fkey" FOREIGN KEY ("standingsId") REFERENCES "Standings" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StandingsRow_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Sport_nameKey_key" ON "Sport"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Competition_key_key" ON "Competition"("key");

-- CreateIndex
CREATE INDEX "Competition_sportId_nameKey_idx" ON "Competition"("sportId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "CompetitionSeason_competitionId_name_key" ON "CompetitionSeason"("competitionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Team_key_key" ON "Team"("key");

-- CreateIndex
CREATE INDEX "Team_sportId_nameKey_idx" ON "Team"("sportId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Athlete_key_key" ON "Athlete"("key");

-- CreateIndex
CREATE INDEX "Athlete_sportId_nameKey_idx" ON "Athlete"("sportId", "nameKey");

-- CreateIndex
CREATE INDEX "Athlete_teamId_idx" ON "Athlete"("teamId");

-- CreateIndex
CREATE INDEX "Athlete_photoId_idx" ON "Athlete"("photoId");

-- CreateIndex
CREATE UNIQUE INDEX "SportsEvent_identity_key" ON "SportsEvent"("identity");

-- CreateIndex
CREATE UNIQUE INDEX "SportsEvent_key_key" ON "SportsEvent"("key");

-- CreateIndex
CREATE INDEX "SportsEvent_competitionSeasonId_startsAt_idx" ON "SportsEvent"("competitionSeasonId", "startsAt");

-- CreateIndex
CREATE INDEX "SportsEvent_sportId_startsAt_idx" ON "SportsEvent"("sportId", "startsAt");

-- CreateIndex
CREATE INDEX "SportsEvent_parentId_idx" ON "SportsEvent"("parentId");

-- CreateIndex
CREATE INDEX "EventParticipant_eventId_position_idx" ON "EventParticipant"("eventId", "position");

-- CreateIndex
CREATE INDEX "EventParticipant_teamId_idx" ON "EventParticipant"("teamId");

-- CreateIndex
CREATE INDEX "EventParticipant_athleteId_idx" ON "EventParticipant"("athleteId");

-- CreateIndex
CREATE INDEX "EventParticipant_memberOfId_idx" ON "EventParticipant"("memberOfId");

-- CreateIndex
CREATE INDEX "PeriodScore_participantId_position_idx" ON "PeriodScore"("participantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Standings_competitionSeasonId_asOf_key" ON "Standings"("competitionSeasonId", "asOf");

-- CreateIndex
CREATE INDEX "StandingsRow_teamId_idx" ON "StandingsRow"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "StandingsRow_standingsId_teamId_key" ON "StandingsRow"("standingsId", "teamId");

