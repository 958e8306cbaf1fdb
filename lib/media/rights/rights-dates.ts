// Rights expiry dates as editors enter them: a calendar day in the newsroom's time zone
// (NEWSROOM_TIME_ZONE), meaning "from the start of that day we may no longer show the picture".
import { dayStartIn, isIsoDay } from "../../search/dates";

export const RIGHTS_TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? "UTC";

// "2026-12-01" → that day's midnight in the newsroom's zone; a full ISO timestamp is taken as is.
export function parseRightsDate(value: string): Date | null {
  const text = value.trim();
  if (isIsoDay(text)) return dayStartIn(text, RIGHTS_TIME_ZONE);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

// The value of an <input type="date"> for a stored instant.
export function toRightsDay(date: Date | null, timeZone: string = RIGHTS_TIME_ZONE): string {
  if (!date) return "";
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
