-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "pushSecret" TEXT,
ADD COLUMN     "pushSecretSetAt" TIMESTAMP(3);

