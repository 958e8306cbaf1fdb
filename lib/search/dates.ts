// Calendar days ("2026-11-28") as instants in a time zone, without a date library.
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

// Minutes the zone is ahead of UTC at `instant`.
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

// Midnight at the start of `day` (plus `addDays`) in `timeZone`.
export function dayStartIn(day: string, timeZone: string, addDays = 0): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  utcMidnight.setUTCDate(utcMidnight.getUTCDate() + addDays);
  const guess = new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight, timeZone) * 60_000);
  // Across a DST change the offset at the guess can differ from the one at UTC midnight.
  return new Date(utcMidnight.getTime() - offsetMinutes(guess, timeZone) * 60_000);
}
