-- AlterTable
ALTER TABLE "Agency" ADD COLUMN "pushSecret" TEXT;
ALTER TABLE "Agency" ADD COLUMN "pushSecretSetAt" DATETIME;

