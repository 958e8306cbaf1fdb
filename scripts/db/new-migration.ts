// Writes one migration for SQLite and the same migration for PostgreSQL from a schema change.
//   1. edit prisma/schema.prisma
//   2. npm run db:migration -- <name>
// Both migrations are diffs between the schema as the newest migration left it
// (prisma/migrations/last-migrated.prisma) and the schema now, computed without a database.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { derivePostgresSchema, POSTGRES_SCHEMA, SOURCE_SCHEMA } from "./derive-postgres";
import { PLACEHOLDER_URLS, runPrismaOrExit, type Provider } from "../../lib/migrations/prisma-cli";

export const LAST_MIGRATED_SCHEMA = path.join("prisma", "migrations", "last-migrated.prisma");
const MIGRATION_DIRS: Record<Provider, string> = {
  sqlite: path.join("prisma", "migrations"),
  postgresql: path.join("prisma", "postgresql", "migrations"),
};

function migrationScript(provider: Provider, fromSchema: string | null, toSchema: string): string {
  const from = fromSchema ? ["--from-schema-datamodel", fromSchema] : ["--from-empty"];
  const sql = runPrismaOrExit(["migrate", "diff", ...from, "--to-schema-datamodel", toSchema, "--script"], PLACEHOLDER_URLS[provider]);
  if (!sql.trim()) throw new Error(`prisma migrate diff printed nothing for ${provider}`);
  return sql;
}

function schemasFor(provider: Provider, workDir: string): { from: string | null; to: string } {
  const hasHistory = existsSync(LAST_MIGRATED_SCHEMA);
  if (provider === "sqlite") return { from: hasHistory ? LAST_MIGRATED_SCHEMA : null, to: SOURCE_SCHEMA };
  if (!hasHistory) return { from: null, to: POSTGRES_SCHEMA };
  const from = path.join(workDir, "last-migrated.postgresql.prisma");
  writeFileSync(from, derivePostgresSchema(readFileSync(LAST_MIGRATED_SCHEMA, "utf8")));
  return { from, to: POSTGRES_SCHEMA };
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function main(): void {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <name in snake_case>");
    process.exit(2);
  }
  writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8")));
  const workDir = mkdtempSync(path.join(tmpdir(), "pressbox-migration-"));
  const folder = `${timestamp()}_${name}`;
  const scripts = (Object.keys(MIGRATION_DIRS) as Provider[]).map((provider) => {
    const { from, to } = schemasFor(provider, workDir);
    return { provider, sql: migrationScript(provider, from, to) };
  });
  if (scripts.every(({ sql }) => /^-- This is an empty migration\.\s*$/.test(sql.trim()))) {
    console.log("The schema has not changed since the last migration: nothing written.");
    return;
  }
  for (const { provider, sql } of scripts) {
    const dir = path.join(MIGRATION_DIRS[provider], folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(MIGRATION_DIRS[provider], "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
    console.log(`wrote ${dir}/migration.sql (${sql.length} bytes)`);
  }
  copyFileSync(SOURCE_SCHEMA, LAST_MIGRATED_SCHEMA);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
