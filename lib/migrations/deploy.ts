// Applies committed migrations to the database DATABASE_URL names (SQLite file created if missing),
// then puts a SQLite database in WAL mode so readers never wait for the writer.
import path from "node:path";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "../database-url";
import { enableWal } from "../sqlite/wal";
import { pendingSqliteMigrations } from "./pending";
import { runPrisma } from "./prisma-cli";

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");

function explainFailure(output: string): string {
  if (/SQLITE_BUSY|SocketTimeout|database is locked/i.test(output)) {
    return "the SQLite database is open in another process (a running Pressbox server?). Stop it, then start again to apply the new migrations.";
  }
  return output.trim().split("\n").slice(-12).join("\n");
}

export async function deployMigrations(url: string = resolveDatabaseUrl()): Promise<void> {
  const provider = databaseProvider(url);
  if (provider === "sqlite") {
    const pending = pendingSqliteMigrations(sqliteFilePath(url), SQLITE_MIGRATIONS);
    if (pending.length === 0) {
      console.log("database up to date (sqlite)");
      return;
    }
    console.log(`applying ${pending.length} migration(s) to the SQLite database: ${pending.join(", ")}`);
  }
  const result = runPrisma(["migrate", "deploy"], url);
  if (result.status !== 0) throw new Error(`migrations could not be applied: ${explainFailure(result.stdout + result.stderr)}`);
  if (provider === "sqlite") enableWal(sqliteFilePath(url));
  const applied = /have been applied/.test(result.stdout) ? "applied new migrations" : "up to date";
  console.log(`database ${applied} (${provider})`);
}
