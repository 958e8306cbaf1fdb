// setupFile of the database-backed projects. lib/db.ts reads DATABASE_URL when it is imported,
// so the run's database is put in the environment here, before the test file is imported.
import { inject, TestRunner } from "vitest";
import "./provided-context";

const skipReason = inject("databaseSkipReason");

if (skipReason) {
  // Skip the whole file: no hook or test runs, so nothing needs a database. The URL only keeps
  // an import of lib/db.ts from falling back to the developer's own database.
  process.env.DATABASE_URL = "postgresql://skipped.invalid:5432/skipped";
  TestRunner.getCurrentSuite().file.mode = "skip";
} else {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.MEDIA_DIR = inject("mediaDir");
}
