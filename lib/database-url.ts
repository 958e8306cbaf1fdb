// Where the database lives. Shared by the app, the Prisma CLI config and the scripts,
// so a missing DATABASE_URL means the same default everywhere.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/pressbox.db";

type DatabaseProvider = "sqlite" | "postgresql";

export function resolveDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

// Absolute path of a SQLite database file, resolved against the project root (the cwd).
export function sqliteFilePath(url: string, cwd: string = process.cwd()): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(cwd, file);
}

// A database URL for messages and logs: the password, if any, as ***.
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
