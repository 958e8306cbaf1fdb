-- CreateTable
CREATE TABLE "EmbedSnapshot" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorUrl" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "playerUrl" TEXT,
    "thumbnailId" TEXT,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmbedSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmbedSnapshot_thumbnailId_idx" ON "EmbedSnapshot"("thumbnailId");

-- AddForeignKey
ALTER TABLE "EmbedSnapshot" ADD CONSTRAINT "EmbedSnapshot_thumbnailId_fkey" FOREIGN KEY ("thumbnailId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

