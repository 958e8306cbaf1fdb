// `npm run db:copy-to-postgres`: moves a SQLite newsroom into an empty PostgreSQL database. The
// target is migrated with the repo's own deploy script, then every table is copied in foreign-key
// order inside one PostgreSQL transaction, read from one SQLite read transaction (a consistent
// source even if a server still writes), and each table's row count is compared before COMMIT:
// all or nothing. The search index is copied too (its texts; PostgreSQL derives its tsvector).
import "server-only";
import path from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import { deployMigrations } from "../migrations/deploy";
import { pendingSqliteMigrations } from "../migrations/pending";
import { databaseProvider, redactUrl, sqliteFilePath } from "../database-url";
import { BackupError } from "./backup-error";
import { toPostgresValue, ValueError } from "./column-values";
import { connectPostgres, userObjects } from "./postgres-tools";
import { planInserts, readTargetTables, type TargetTable } from "./postgres-schema";

type CopyOptions = { sqliteUrl: string; postgresUrl: string; migrationsDir?: string; log?: (line: string) => void };
type CopyResult = { tables: Record<string, number> };

const MIGRATIONS_TABLE = "_prisma_migrations";
const SEARCH_TABLE = "ArticleSearch";
// SQLite's full-text index: FTS5 and its shadow tables, and the story → document number map.
const isSqliteSearchTable = (name: string) => name === SEARCH_TABLE || name.startsWith(`${SEARCH_TABLE}_`) || name === "ArticleSearchKey";
const SEARCH_SOURCE = `SELECT k."articleId", s."headline", s."standfirst", s."body", s."captions", s."quotes", a."sectionId", a."publishedAt"
  FROM "ArticleSearch" s JOIN "ArticleSearchKey" k ON k."docId" = s.rowid JOIN "Article" a ON a."id" = k."articleId"`;
const BATCH_ROWS = 500;

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  const log = options.log ?? (() => undefined);
  const file = checkSource(options);
  if (databaseProvider(options.postgresUrl) !== "postgresql") throw new BackupError("the target must be a postgresql:// URL");
  await prepareTarget(options.postgresUrl, log);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = await connectPostgres(options.postgresUrl);
  try {
    await assertEmptyTables(client, options.postgresUrl);
    await assertSameMigrations(sqlite, client);
    sqlite.exec("BEGIN");
    await client.query("BEGIN");
    const tables = await copyAll(sqlite, client, log);
    await client.query("COMMIT");
    return { tables };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
    sqlite.close();
    await client.end();
  }
}

function checkSource(options: CopyOptions): string {
  if (databaseProvider(options.sqliteUrl) !== "sqlite") throw new BackupError("the source must be a SQLite database (DATABASE_URL=file:…)");
  const file = sqliteFilePath(options.sqliteUrl);
  let pending: string[];
  try {
    pending = pendingSqliteMigrations(file, options.migrationsDir ?? path.join("prisma", "migrations"));
  } catch (error) {
    throw new BackupError(`cannot read the SQLite database ${file}: ${(error as Error).message}`);
  }
  if (pending.length > 0) throw new BackupError(`the SQLite database ${file} lacks migrations (${pending.join(", ")}); bring it up to date first (npm run db:deploy with its DATABASE_URL)`);
  return file;
}

// An empty database gets the schema; one already migrated by an earlier, failed copy (no rows) is
// accepted as it is; anything else is refused.
async function prepareTarget(url: string, log: (line: string) => void): Promise<void> {
  const client = await connectPostgres(url);
  let objects: string[];
  try {
    objects = await userObjects(client);
  } finally {
    await client.end();
  }
  if (objects.length > 0) return;
  log(`migrating ${redactUrl(url)}`);
  await deployMigrations(url);
}

async function assertEmptyTables(client: pg.Client, url: string): Promise<void> {
  const tables = await readTargetTables(client);
  if (!tables.has(MIGRATIONS_TABLE)) throw new BackupError(`${redactUrl(url)} is not empty and is not a Pressbox database; copy into an empty database (createdb a new one): nothing was changed`);
  for (const name of tables.keys()) {
    if (name === MIGRATIONS_TABLE) continue;
    const rows = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
    if (rows > 0) throw new BackupError(`${redactUrl(url)} already holds a newsroom ("${name}" has ${rows} rows); copy into an empty database: nothing was changed`);
  }
}

async function assertSameMigrations(sqlite: Database.Database, client: pg.Client): Promise<void> {
  const query = `SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  const source = (sqlite.prepare(query).pluck().all() as string[]).join(", ");
  const target = (await client.query<{ migration_name: string }>(query)).rows.map((row) => row.migration_name).join(", ");
  if (source !== target) throw new BackupError(`the two databases are at different migrations (SQLite: ${source}; PostgreSQL: ${target}); nothing was changed`);
}

async function copyAll(sqlite: Database.Database, client: pg.Client, log: (line: string) => void): Promise<Record<string, number>> {
  const target = await readTargetTables(client);
  const names = [...target.keys()].filter((name) => name !== MIGRATIONS_TABLE && name !== SEARCH_TABLE);
  const sourceNames = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter(
    (name) => name !== MIGRATIONS_TABLE && !isSqliteSearchTable(name),
  );
  const differ = [...names.filter((name) => !sourceNames.includes(name)), ...sourceNames.filter((name) => !names.includes(name))];
  if (differ.length > 0) throw new BackupError(`the two schemas differ (tables ${differ.join(", ")}); nothing was changed`);
  const plan = await planInserts(client, target, names);
  const counts: Record<string, number> = {};
  for (const name of plan.order) {
    counts[name] = await copyTable(sqlite, client, target.get(name)!, plan.deferred.get(name) ?? []);
    log(`${name}: ${counts[name]} rows`);
  }
  for (const [name, columns] of plan.deferred) await fillDeferred(sqlite, client, target.get(name)!, columns);
  if (target.has(SEARCH_TABLE)) counts[SEARCH_TABLE] = await copySearchIndex(sqlite, client, target.get(SEARCH_TABLE)!);
  await resetSequences(client);
  await verifyCounts(sqlite, client, counts);
  return counts;
}

async function copyTable(sqlite: Database.Database, client: pg.Client, table: TargetTable, deferred: string[]): Promise<number> {
  const sourceColumns = new Set((sqlite.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string }[]).map((column) => column.name));
  const columns = table.columns.filter((column) => !column.isGenerated);
  const missing = columns.filter((column) => !sourceColumns.has(column.name)).map((column) => column.name);
  if (missing.length > 0) throw new BackupError(`"${table.name}" has no column ${missing.join(", ")} on SQLite; nothing was changed`);
  const rows = sqlite.prepare(`SELECT * FROM "${table.name}"`).iterate() as IterableIterator<Record<string, unknown>>;
  let batch: unknown[][] = [];
  let copied = 0;
  for (const row of rows) {
    batch.push(columns.map((column) => (deferred.includes(column.name) ? null : convert(row[column.name], column, table.name, row))));
    if (batch.length === BATCH_ROWS) {
      copied += await insertBatch(
        client,
        table.name,
        columns.map((column) => column.name),
        batch,
      );
      batch = [];
    }
  }
  if (batch.length > 0)
    copied += await insertBatch(
      client,
      table.name,
      columns.map((column) => column.name),
      batch,
    );
  return copied;
}

function convert(value: unknown, column: TargetTable["columns"][number], table: string, row: Record<string, unknown>): unknown {
  try {
    return toPostgresValue(value, column);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    const id = row.id ?? Object.values(row)[0];
    throw new BackupError(`"${table}"."${column.name}" of row ${String(id)}: ${error.message}; fix it on SQLite and copy again (nothing was changed)`);
  }
}

async function insertBatch(client: pg.Client, table: string, columns: string[], rows: unknown[][]): Promise<number> {
  const values = rows.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
  const sql = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES ${values.join(", ")}`;
  try {
    return (await client.query(sql, rows.flat())).rowCount ?? 0;
  } catch (error) {
    throw new BackupError(`PostgreSQL refused rows of "${table}": ${(error as Error).message}; nothing was changed`);
  }
}

// The cycle-breaking columns, now that the rows they point to exist.
async function fillDeferred(sqlite: Database.Database, client: pg.Client, table: TargetTable, columns: string[]): Promise<void> {
  const key = table.primaryKey;
  for (const name of columns) {
    const column = table.columns.find((candidate) => candidate.name === name)!;
    const rows = sqlite.prepare(`SELECT ${key.map((part) => `"${part}"`).join(", ")}, "${name}" AS value FROM "${table.name}" WHERE "${name}" IS NOT NULL`).all() as Record<string, unknown>[];
    for (const row of rows) {
      const where = key.map((part, i) => `"${part}" = $${i + 2}`).join(" AND ");
      const keyValues = key.map((part) =>
        convert(
          row[part],
          table.columns.find((candidate) => candidate.name === part)!,
          table.name,
          row,
        ),
      );
      await client.query(`UPDATE "${table.name}" SET "${name}" = $1 WHERE ${where}`, [convert(row.value, column, table.name, row), ...keyValues]);
    }
  }
}

async function copySearchIndex(sqlite: Database.Database, client: pg.Client, table: TargetTable): Promise<number> {
  const wanted = ["articleId", "headline", "standfirst", "body", "captions", "quotes", "sectionId", "publishedAt"];
  const columns = wanted.map((name) => table.columns.find((column) => column.name === name));
  if (columns.some((column) => !column)) throw new BackupError(`PostgreSQL's "${SEARCH_TABLE}" lacks a column the copy fills (${wanted.join(", ")})`);
  const rows = (sqlite.prepare(SEARCH_SOURCE).all() as Record<string, unknown>[]).map((row) => columns.map((column) => convert(row[column!.name], column!, SEARCH_TABLE, row)));
  let copied = 0;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) copied += await insertBatch(client, SEARCH_TABLE, wanted, rows.slice(i, i + BATCH_ROWS));
  return copied;
}

// Pressbox's ids are strings today; a serial or identity column added later continues after the
// copied rows instead of colliding with them.
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; sequence: string }>(`
    SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence
    FROM information_schema.columns WHERE table_schema = current_schema()
      AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`);
  for (const row of rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT max("${row.column_name}") FROM "${row.table_name}"), 0) + 1, false)`, [row.sequence]);
  }
}

async function verifyCounts(sqlite: Database.Database, client: pg.Client, counts: Record<string, number>): Promise<void> {
  const wrong: string[] = [];
  for (const [name, copied] of Object.entries(counts)) {
    const source = Number(
      sqlite
        .prepare(name === SEARCH_TABLE ? `SELECT count(*) FROM (${SEARCH_SOURCE})` : `SELECT count(*) FROM "${name}"`)
        .pluck()
        .get(),
    );
    const target = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
    if (source !== target || copied !== target) wrong.push(`${name}: SQLite ${source}, PostgreSQL ${target}`);
  }
  if (wrong.length > 0) throw new BackupError(`row counts differ after the copy, so it was rolled back: ${wrong.join("; ")}`);
}
