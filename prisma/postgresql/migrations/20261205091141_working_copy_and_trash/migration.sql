-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT;

-- CreateTable
CREATE TABLE "WorkingCopy" (
    "articleId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "updatedById" TEXT,
    "updateAt" TIMESTAMP(3),
    "updateById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkingCopy_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "WorkingCopy_updateAt_idx" ON "WorkingCopy"("updateAt");

-- CreateIndex
CREATE INDEX "Article_deletedAt_idx" ON "Article"("deletedAt");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingCopy" ADD CONSTRAINT "WorkingCopy_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingCopy" ADD CONSTRAINT "WorkingCopy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingCopy" ADD CONSTRAINT "WorkingCopy_updateById_fkey" FOREIGN KEY ("updateById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

