// `npm run db:deploy`: applies committed migrations to the database DATABASE_URL names
// (lib/migrations/deploy.ts does the work; the server, the tests and the backup tools call it too).
import { deployMigrations } from "../../lib/migrations/deploy";

deployMigrations().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
