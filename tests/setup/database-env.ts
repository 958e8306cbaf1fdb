// setupFile of the database-backed projects. lib/db.ts reads DATABASE_URL when it is imported,
// so the run's database is put in the environment here, before the test file is imported.
import { inject } from "vitest";
import "./provided-context";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.MEDIA_DIR = inject("mediaDir");
