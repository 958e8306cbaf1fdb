// Generates both Prisma clients (SQLite and PostgreSQL) so DATABASE_URL can switch at run time.
// Runs on `npm install` (postinstall).
import { PLACEHOLDER_URLS, runPrismaOrExit, type Provider } from "../../lib/migrations/prisma-cli";

for (const provider of Object.keys(PLACEHOLDER_URLS) as Provider[]) {
  runPrismaOrExit(["generate"], PLACEHOLDER_URLS[provider]);
  console.log(`generated the ${provider} Prisma client`);
}
