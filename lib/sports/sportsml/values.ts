// Reading SportsML's attribute values: every value arrives as a string (XML) or a string or number
// (JSON) and is refused, with where it was, when it is not what the standard says it is.
import { AppError } from "../../errors";
import type { EventStatus } from "./types";
import type { NamePart, SourceNode } from "./source";

// A document refused whole: nothing partial is returned, and the message names the place.
export function sportsMlRefusal(where: string, reason: string): AppError {
  return new AppError("INVALID", `The SportsML document was refused: ${where}: ${reason}.`, { path: where, reason });
}

const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

// `isGrouped` accepts thousands separators ("32,964", "32 964") for counts people write that way.
export function wholeNumber(node: SourceNode, name: string, { isGrouped = false } = {}): number | null {
  const value = node.attr(name);
  if (value === undefined || value === "") return null;
  const digits = isGrouped && /^\d{1,3}([, ]\d{3})+$/.test(value) ? value.replace(/[, ]/g, "") : value;
  if (!/^\d{1,9}$/.test(digits)) throw sportsMlRefusal(node.attrPath(name), `${quoted(value)} is not a non-negative whole number`);
  return Number(digits);
}

// A score is a count of goals, points, sets… Timed and measured sports send their result in the same
// attribute ("1.15.05,5" for 1 h 15 min 5.5 s in biathlon, "8.95" for a long jump): kept as a mark,
// as written. Anything else (a sign, letters) is refused.
const MARK = /^\d{1,4}([.:]\d{1,2}){0,3}([.,]\d{1,4})?$/;

export type Score = { score: number | null; mark: string | null };

export function readScore(node: SourceNode, name = "score"): Score {
  const value = node.attr(name);
  if (value === undefined || value === "") return { score: null, mark: null };
  if (/^\d{1,9}$/.test(value)) return { score: Number(value), mark: null };
  if (MARK.test(value)) return { score: null, mark: value };
  throw sportsMlRefusal(node.attrPath(name), `${quoted(value)} is not a non-negative whole number (nor a time or measure)`);
}

// ISO 8601 date or date-time. With an offset it becomes UTC; a date alone ("2011-09-16") or a
// date-time without an offset (the venue's local time, zone unknown) stays as written, since
// reading it in the server's own zone would move it.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

// Whether the calendar has that day and the clock that time (no 30 February, no 25:00).
function isRealMoment(fields: number[]): boolean {
  const [year, month, day, hour, minute, second] = fields;
  const moment = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return moment.getUTCFullYear() === year && moment.getUTCMonth() === month - 1 && moment.getUTCDate() === day && moment.getUTCHours() === hour && moment.getUTCMinutes() === minute;
}

export function readDate(node: SourceNode, name: string): string | null {
  const value = node.attr(name);
  if (value === undefined || value === "") return null;
  const parts = ISO_DATE_TIME.exec(value);
  const fields = (parts?.slice(1, 7) ?? []).map((part) => Number(part ?? 0));
  if (!parts || !isRealMoment(fields)) throw sportsMlRefusal(node.attrPath(name), `${quoted(value)} is not a date or date-time`);
  const hasOffset = parts[7] !== undefined;
  return hasOffset ? new Date(Date.parse(value)).toISOString() : value;
}

// "speventstatus:post-event" → "post-event": controlled-vocabulary codes with or without their scheme.
export const codeOf = (value: string | undefined) =>
  (value ?? "")
    .replace(/^[a-z0-9-]*:/i, "")
    .trim()
    .toLowerCase();

const STATUSES: Record<string, EventStatus> = {
  "pre-event": "scheduled",
  scheduled: "scheduled",
  delayed: "scheduled",
  rescheduled: "scheduled",
  "mid-event": "live",
  intermission: "live",
  "post-event": "final",
  final: "final",
  forfeited: "final",
  postponed: "postponed",
  cancelled: "cancelled",
  canceled: "cancelled",
};

export function readStatus(node: SourceNode, name: string, skipped: string[]): EventStatus | null {
  const value = node.attr(name);
  if (!value) return null;
  const status = STATUSES[codeOf(value)];
  if (!status) skipped.push(`${node.attrPath(name)}: status ${quoted(value)} is not one Pressbox maps; left empty`);
  return status ?? null;
}

const hasRole = (name: NamePart, ...codes: string[]) => codes.includes(codeOf(name.role)) || codes.includes(codeOf(name.part));

// The name a reader expects: the full name, else first and last together, else the common name,
// else the first name given.
export function displayName(node: SourceNode | undefined): string | null {
  const names = node?.names().filter((name) => name.text) ?? [];
  const full = names.find((name) => hasRole(name, "full"));
  if (full) return full.text;
  const first = names.find((name) => hasRole(name, "first", "given"));
  const last = names.find((name) => hasRole(name, "last", "family"));
  if (first || last) return [first?.text, last?.text].filter(Boolean).join(" ");
  return (names.find((name) => hasRole(name, "common")) ?? names[0])?.text ?? null;
}
