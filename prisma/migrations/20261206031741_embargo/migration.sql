-- AlterTable
ALTER TABLE "Media" ADD COLUMN "embargoUntil" DATETIME;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "embargoUntil" DATETIME;

-- CreateIndex
CREATE INDEX "Article_embargoUntil_idx" ON "Article"("embargoUntil");

