// Ids and timestamps in the exact shapes the app writes through Prisma on SQLite, for rows the
// bench writes directly. Record ids the editor makes (quotes, body captions, sidebars) come from
// lib/editor/record-id.ts newRecordId itself; everything else gets a cuid like Prisma's
// @default(cuid()): "c", 8 base-36 time digits, a 4-digit counter, a 4-character fingerprint and
// 8 random characters (25 in all, e.g. cmx00tkl4007pij7davmelc36).
const COUNTER_SPACE = 36 ** 4;
const RANDOM_SPACE = 36 ** 8;

let counter = Math.floor(Math.random() * COUNTER_SPACE);
const fingerprint = Math.floor(Math.random() * COUNTER_SPACE)
  .toString(36)
  .padStart(4, "0");

function pad(value: number, length: number): string {
  return value.toString(36).padStart(length, "0").slice(-length);
}

export function cuid(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  return `c${pad(Date.now(), 8)}${pad(counter, 4)}${fingerprint}${pad(Math.floor(Math.random() * RANDOM_SPACE), 8)}`;
}

// Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit UTC offset:
// "2026-11-28T04:20:06.613+00:00". Listings compare these strings, so the shape must match.
export function sqliteDate(date: Date): string {
  return `${date.toISOString().slice(0, -1)}+00:00`;
}
