-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortCredit" TEXT NOT NULL,
    "creditFormat" TEXT NOT NULL,
    "distributor" TEXT,
    "wireAutoDraft" BOOLEAN NOT NULL DEFAULT true,
    "wireCancelUnpublishes" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Agency" ("createdAt", "creditFormat", "distributor", "id", "name", "shortCredit", "updatedAt", "version") SELECT "createdAt", "creditFormat", "distributor", "id", "name", "shortCredit", "updatedAt", "version" FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

