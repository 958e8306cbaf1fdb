// What the sports record screens (teams, athletes, competitions, standings, medal tables) may send,
// and the one way their input is checked: a refusal names each field by the form control's own
// name ("rows.2.played"), so the screen marks the very input that is wrong.
import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { textInput } from "../../text-input";
import { RecordId, Version } from "../../users/schema";
import type { Tx } from "../../db";

export { RecordId, Version };

export const Name = textInput().min(1, "is required").max(120, "is too long (120 characters at most)");
// "" from a form's empty field means none.
const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : value);
export const OptionalId = z.preprocess(blankToNull, RecordId.nullable());
export const ProviderKey = z.preprocess(blankToNull, textInput().min(1).max(200, "is too long (200 characters at most)").nullable());
export const CountryCode = z.preprocess(
  (value) => (typeof value === "string" ? blankToNull(value.trim()) : value),
  z
    .string()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be a three-letter code such as NOR"))
    .nullable(),
);
export const SportName = z.preprocess(blankToNull, textInput().min(1).max(60, "is too long (60 characters at most)").nullable());
// The moment the edited record was loaded (its updatedAt), for records without a version.
export const LoadedAt = z.iso.datetime({ error: "is missing: reload the page" }).transform((value) => new Date(value));

// A count typed into a table cell: a whole number, 0 or more; empty means not given.
export const OptionalCount = z.preprocess(
  (value) => (typeof value === "string" ? blankToNull(value.trim()) : value),
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must not be negative").max(100_000, "is too large").nullable(),
);
// A count that always has a value: left empty or out, it is 0 (a medal column not filled in).
export const Count = z.preprocess(
  (value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? 0 : value),
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must not be negative").max(100_000, "is too large"),
);

export const MAX_ROWS = 60;

// Table rows arrive either as an array (callers of lib/) or as a form's flat fields
// "rows.0.teamId", "rows.0.played"…; both become an array of row objects.
export function rowsOf(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  const record = input as Record<string, unknown>;
  if (Object.hasOwn(record, "rows")) return record.rows;
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(record)) {
    const match = /^rows\.(\d{1,3})\.([A-Za-z]{1,20})$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_ROWS) throw new AppError("INVALID", `A table has ${MAX_ROWS} rows at most.`, { field: "rows" });
    rows[index] ??= {};
    Object.defineProperty(rows[index], match[2], { value, enumerable: true, writable: true, configurable: true });
  }
  // The screen numbers its rows without gaps; a gap (a hand-made request) is closed up.
  return rows.filter(Boolean);
}

// Parses or refuses with INVALID, naming every problem by its control's name.
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new AppError("INVALID", `Send the ${what} as form fields.`);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join(".") || "input";
    if (!Object.hasOwn(fields, name)) fields[name] = issue.message;
    return `${describePath(issue.path)}: ${issue.message}`;
  });
  throw new AppError("INVALID", `Please fix: ${problems.slice(0, 8).join("; ")}.`, { problems, fields });
}

// rows.2.played → "row 3 played"
function describePath(path: readonly PropertyKey[]): string {
  if (path[0] === "rows" && typeof path[1] === "number") return [`row ${path[1] + 1}`, ...path.slice(2).map(String)].join(" ");
  return path.map(String).join(".") || "input";
}

// Refuses a field naming a record that does not exist, next to that field.
export function missingRecord(field: string, message: string): AppError {
  return new AppError("INVALID", message, { field });
}

// The sport named on a form, found by name (case-insensitively) or created, as the import does.
export async function sportIdFor(tx: Tx, name: string | null): Promise<string | null> {
  if (!name) return null;
  const nameKey = name.trim().toLowerCase();
  const sport = await tx.sport.upsert({ where: { nameKey }, create: { name, nameKey }, update: {} });
  return sport.id;
}

export const nameKeyOf = (name: string) => name.trim().toLowerCase();

// A list screen's search box and page number.
export const ListQuery = z.object({
  q: z.string().max(200).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListQuery = z.output<typeof ListQuery>;
export const LIST_PAGE_SIZE = 30;

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  return ListQuery.parse({ q: one(params.q), page: one(params.page) });
}
