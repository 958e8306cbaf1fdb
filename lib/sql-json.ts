// JSON built inside SQL, so that one statement returns a record with all its relations (Prisma's
// nested includes send one statement per relation level, and relationJoins does not exist on
// SQLite). Written once for SQLite (json_object, json_group_array) and PostgreSQL (json_build_object,
// json_agg). Fragments are Prisma.Sql: values travel as parameters; only the names written in code
// (keys, aliases, columns, checked below) are spliced into the text.
import "server-only";
import { isPostgres, type Db, type Tx } from "./db";
import { Prisma } from "./generated/sqlite/client";

export type Fields = Record<string, Prisma.Sql>;

type Dialect = {
  object(pairs: Prisma.Sql[]): Prisma.Sql;
  aggregate(element: Prisma.Sql, orderBy: Prisma.Sql): Prisma.Sql;
  // A JSON value that reached this point as text (from a subquery or a Json column) as JSON again.
  embed(value: Prisma.Sql): Prisma.Sql;
  emptyArray: Prisma.Sql;
  timestamp(column: Prisma.Sql): Prisma.Sql;
  text(value: Prisma.Sql): Prisma.Sql;
};

const sqlite: Dialect = {
  object: (pairs) => Prisma.sql`json_object(${Prisma.join(pairs, ", ")})`,
  aggregate: (element, orderBy) => Prisma.sql`json_group_array(${element}${orderBy})`,
  // SQLite marks a value as JSON only until it leaves the expression that made it.
  embed: (value) => Prisma.sql`json(${value})`,
  emptyArray: Prisma.sql`json_array()`,
  // DateTime is stored as ISO text ("…+00:00"); strftime also reads "YYYY-MM-DD HH:MM:SS".
  timestamp: (column) => Prisma.sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`,
  text: (value) => value,
};

const postgres: Dialect = {
  object: (pairs) => Prisma.sql`json_build_object(${Prisma.join(pairs, ", ")})`,
  aggregate: (element, orderBy) => Prisma.sql`COALESCE(json_agg(${element}${orderBy}), '[]'::json)`,
  embed: (value) => value,
  emptyArray: Prisma.sql`'[]'::json`,
  // timestamp(3) without time zone, holding UTC.
  timestamp: (column) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  text: (value) => Prisma.sql`(${value})::text`,
};

function dialect(): Dialect {
  return isPostgres() ? postgres : sqlite;
}

function name(value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new Error(`not a SQL name: ${value}`);
  return value;
}

// `alias."column"`, for an alias and a column written in code.
export function column(alias: string, columnName: string): Prisma.Sql {
  return Prisma.raw(`${name(alias)}."${name(columnName)}"`);
}

// Each column under its own name: { id: a."id", slug: a."slug", … }.
export function columns(alias: string, names: readonly string[]): Fields {
  return Object.fromEntries(names.map((columnName) => [columnName, column(alias, columnName)]));
}

export function jsonObject(fields: Fields): Prisma.Sql {
  return dialect().object(Object.entries(fields).map(([key, value]) => Prisma.sql`${Prisma.raw(`'${name(key)}'`)}, ${value}`));
}

// The JSON array of `element` over the rows `from` names ("FROM … WHERE …"), in `orderBy` order; [] for none.
export function jsonArray(element: Prisma.Sql, from: Prisma.Sql, orderBy?: Prisma.Sql): Prisma.Sql {
  const { aggregate, embed } = dialect();
  const order = orderBy ? Prisma.sql` ORDER BY ${orderBy}` : Prisma.empty;
  return embed(Prisma.sql`(SELECT ${aggregate(element, order)} ${from})`);
}

// `element` of the one row `from` names (a to-one relation), or null.
export function jsonOne(element: Prisma.Sql, from: Prisma.Sql): Prisma.Sql {
  return dialect().embed(Prisma.sql`(SELECT ${element} ${from} LIMIT 1)`);
}

export function jsonEmptyArray(): Prisma.Sql {
  return dialect().emptyArray;
}

// A Json column (TEXT on SQLite, jsonb on PostgreSQL), or a JSON value read back from a subquery.
export function jsonValue(value: Prisma.Sql): Prisma.Sql {
  return dialect().embed(value);
}

// A DateTime column as Date.toISOString() writes it ("2026-01-31T09:15:00.000Z"), or null.
export function isoTimestamp(value: Prisma.Sql): Prisma.Sql {
  return dialect().timestamp(value);
}

// One statement, `SELECT <value> <from>`: each row's JSON value, parsed.
export async function selectJson<T>(client: Db | Tx, value: Prisma.Sql, from: Prisma.Sql = Prisma.empty): Promise<T[]> {
  const rows = await client.$queryRaw<{ json: string }[]>`SELECT ${dialect().text(value)} AS "json" ${from}`;
  return rows.map((row) => JSON.parse(row.json) as T);
}
