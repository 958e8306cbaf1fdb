// Derives the PostgreSQL schema from the SQLite source of truth (prisma/schema.prisma).
// The models are identical; only the datasource provider and the generated client's folder differ.
//   npm run db:derive          write prisma/postgresql/schema.prisma
//   npm run db:derive -- --check  exit 1 when the committed file has drifted
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export const SOURCE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit: edit the source and re-derive.\n";

export function derivePostgresSchema(source: string): string {
  const replaced = replaceOnce(replaceOnce(source, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"'), /output\s*=\s*"\.\.\/lib\/generated\/sqlite"/, 'output = "../../lib/generated/postgresql"');
  return HEADER + replaced;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`schema source no longer contains ${pattern}`);
  return text.replace(pattern, replacement);
}

function main(): void {
  const expected = derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    const actual = readFileSync(POSTGRES_SCHEMA, "utf8");
    if (actual !== expected) {
      console.error(`${POSTGRES_SCHEMA} has drifted from ${SOURCE_SCHEMA}: run npm run db:derive`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} matches ${SOURCE_SCHEMA}`);
    return;
  }
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
