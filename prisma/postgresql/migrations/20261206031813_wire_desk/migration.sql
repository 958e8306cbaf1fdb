-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "wireAutoDraft" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "wireCancelUnpublishes" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "WireItem" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';


-- Items imported before the column existed are found by their headline.
UPDATE "WireItem" SET "searchText" = "headline";
