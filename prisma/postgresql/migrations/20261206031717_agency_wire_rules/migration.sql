-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "wireAutoDraft" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "wireCancelUnpublishes" BOOLEAN NOT NULL DEFAULT false;

