// One SQLite value as the PostgreSQL column wants it. Prisma on SQLite keeps DateTime as ISO text
// (older rows may hold Unix milliseconds), Boolean as 0/1 and Json as text; on PostgreSQL they are
// timestamp(3) in UTC, boolean and jsonb. Values go to pg as strings: a JS Date would be sent in the
// process's local time, which a "timestamp without time zone" column would keep as if it were UTC.
import type { Column } from "./postgres-schema";

export class ValueError extends Error {}

const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export function toPostgresValue(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  switch (column.dataType) {
    case "timestamp without time zone":
    case "timestamp with time zone":
      return toTimestamp(value);
    case "date":
      return toTimestamp(value).slice(0, 10);
    case "boolean":
      return toBoolean(value);
    case "json":
    case "jsonb":
      return toJsonText(value);
    case "bytea":
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    case "integer":
    case "bigint":
    case "smallint":
    case "double precision":
    case "real":
    case "numeric":
      return toNumberText(value);
    default:
      return noNul(Buffer.isBuffer(value) ? value.toString("utf8") : String(value));
  }
}

function toTimestamp(value: unknown): string {
  let date: Date;
  if (typeof value === "number" || typeof value === "bigint") date = new Date(Number(value));
  else if (typeof value === "string") date = new Date(ZONELESS.test(value) ? `${value.replace(" ", "T")}Z` : value);
  else throw new ValueError(`a date cannot be ${typeof value}`);
  if (Number.isNaN(date.getTime())) throw new ValueError(`"${String(value).slice(0, 40)}" is not a date`);
  return date.toISOString().replace("T", " ").replace("Z", "+00");
}

function toBoolean(value: unknown): boolean {
  if (value === 1 || value === 1n || value === "1" || value === "true" || value === true) return true;
  if (value === 0 || value === 0n || value === "0" || value === "false" || value === false) return false;
  throw new ValueError(`${JSON.stringify(String(value)).slice(0, 40)} is not a boolean`);
}

function toJsonText(value: unknown): string {
  const text = typeof value === "string" ? value : Buffer.isBuffer(value) ? value.toString("utf8") : JSON.stringify(value);
  try {
    JSON.parse(text);
  } catch {
    throw new ValueError(`"${text.slice(0, 40)}" is not JSON`);
  }
  // PostgreSQL's jsonb cannot hold U+0000 (written \u0000 in JSON text).
  if (/(^|[^\\])(\\\\)*\\u0000/.test(text)) throw new ValueError("JSON holding the character U+0000, which PostgreSQL cannot store");
  return text;
}

function toNumberText(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return value;
  throw new ValueError(`${JSON.stringify(String(value)).slice(0, 40)} is not a number`);
}

function noNul(text: string): string {
  if (text.includes("\u0000")) throw new ValueError("text holding the character U+0000, which PostgreSQL cannot store");
  return text;
}
