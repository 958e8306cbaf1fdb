-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "isFromStory" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Tag_createdById_createdAt_idx" ON "Tag"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Tag_isFromStory_createdAt_idx" ON "Tag"("isFromStory", "createdAt");

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

