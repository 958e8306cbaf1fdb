// Applies committed migrations to the database DATABASE_URL names (SQLite file created if missing),
// then makes sure a SQLite database is in WAL mode for a server with concurrent readers.
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "../../lib/database-url";
import { enableWal } from "./sqlite-pragmas";
import { runPrismaOrExit } from "./prisma-cli";

export async function deployMigrations(url: string = resolveDatabaseUrl()): Promise<void> {
  const output = runPrismaOrExit(["migrate", "deploy"], url);
  const applied = output.match(/following migration\(s\) have been applied/) ? "applied new migrations" : "up to date";
  const provider = databaseProvider(url);
  if (provider === "sqlite") enableWal(sqliteFilePath(url));
  console.log(`database ${applied} (${provider})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  deployMigrations().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
