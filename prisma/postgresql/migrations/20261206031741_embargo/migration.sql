-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "embargoUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "embargoUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Article_embargoUntil_idx" ON "Article"("embargoUntil");

