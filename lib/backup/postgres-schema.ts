// What the SQLite → PostgreSQL copy needs to know about the migrated target: each table's columns
// and types, its primary key, and an insert order that satisfies every foreign key.
import type pg from "pg";

export type Column = { name: string; dataType: string; udtName: string; isNullable: boolean; isGenerated: boolean };
export type TargetTable = { name: string; columns: Column[]; primaryKey: string[] };
type ForeignKey = { table: string; column: string; references: string };

export async function readTargetTables(client: pg.Client): Promise<Map<string, TargetTable>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; is_generated: string }>(`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, is_generated FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  const tables = new Map<string, TargetTable>();
  for (const row of rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], primaryKey: [] };
    table.columns.push({ name: row.column_name, dataType: row.data_type, udtName: row.udt_name, isNullable: row.is_nullable === "YES", isGenerated: row.is_generated === "ALWAYS" });
    tables.set(row.table_name, table);
  }
  const keys = await client.query<{ table_name: string; column_name: string }>(`
    SELECT t.relname AS table_name, a.attname AS column_name FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE c.contype = 'p' AND n.nspname = current_schema() ORDER BY t.relname, k.position`);
  for (const row of keys.rows) tables.get(row.table_name)?.primaryKey.push(row.column_name);
  return tables;
}

async function readForeignKeys(client: pg.Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string; referenced: string }>(`
    SELECT t.relname AS table_name, a.attname AS column_name, r.relname AS referenced FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  return rows.map((row) => ({ table: row.table_name, column: row.column_name, references: row.referenced }));
}

type InsertPlan = { order: string[]; deferred: Map<string, string[]> };

// Tables in an order where every referenced table comes first. A cycle (Article.heroCaptionId →
// Caption, Caption.articleId → Article) is broken at a nullable column: it is inserted as NULL and
// filled in once the rows it points to exist ("deferred").
export async function planInserts(client: pg.Client, tables: Map<string, TargetTable>, names: string[]): Promise<InsertPlan> {
  const wanted = new Set(names);
  let edges = (await readForeignKeys(client)).filter((key) => wanted.has(key.table) && wanted.has(key.references));
  const deferred = new Map<string, string[]>();
  const order: string[] = [];
  const remaining = new Set([...names].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) => edges.every((edge) => edge.table !== name || !remaining.has(edge.references)));
    if (ready.length > 0) {
      for (const name of ready) {
        order.push(name);
        remaining.delete(name);
      }
      continue;
    }
    const breakable = edges.find((edge) => remaining.has(edge.table) && remaining.has(edge.references) && isNullable(tables, edge));
    if (!breakable) throw new Error(`no insert order satisfies the foreign keys among ${[...remaining].join(", ")}`);
    deferred.set(breakable.table, [...(deferred.get(breakable.table) ?? []), breakable.column]);
    edges = edges.filter((edge) => edge !== breakable);
  }
  return { order, deferred };
}

function isNullable(tables: Map<string, TargetTable>, edge: ForeignKey): boolean {
  return tables.get(edge.table)?.columns.find((column) => column.name === edge.column)?.isNullable ?? false;
}
