// Prisma CLI configuration. DATABASE_URL is the only switch: a postgres:// URL selects the
// derived PostgreSQL schema and migrations, anything else the SQLite source of truth.
// Both use driver adapters and Prisma's WebAssembly engines, so no engine binary is downloaded.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "./lib/database-url";

const url = resolveDatabaseUrl();
process.env.DATABASE_URL = url;
const isPostgres = databaseProvider(url) === "postgresql";
const dir = isPostgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    if (isPostgres) {
      // The 7.x pg adapter is the one whose introspection works with the 6.19 migrate engine.
      const { PrismaPg } = await import("@prisma/migrate-adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
