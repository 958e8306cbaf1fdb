-- AlterTable
ALTER TABLE "Competition" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

