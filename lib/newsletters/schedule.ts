// When a newsletter's next edition is due, from its schedule ("mon,wed,fri" at "06:30") in the
// newsroom's time zone (NEWSROOM_TIME_ZONE, default UTC, as lib/format-date.ts).
import { WEEKDAYS, WEEKDAY_NAMES, type Weekday } from "./weekdays";

const DEFAULT_ZONE = process.env.NEWSROOM_TIME_ZONE ?? "UTC";

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: Weekday };

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: get("weekday").toLowerCase().slice(0, 3) as Weekday,
  };
}

// The instant whose wall-clock time in `timeZone` is the given local date and time. Corrected
// twice: the zone's offset can differ between the guess and the answer around a DST change.
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = localParts(new Date(instant), timeZone);
    instant += wanted - Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
  }
  return new Date(instant);
}

// The first scheduled moment strictly after `now`, or null when the schedule names no day.
export function nextScheduledTime(scheduleDays: string, scheduleTime: string, now = new Date(), timeZone = DEFAULT_ZONE): Date | null {
  const days = new Set(scheduleDays.split(",").filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day)));
  const [hour, minute] = scheduleTime.split(":").map(Number);
  if (!days.size || !Number.isInteger(hour) || !Number.isInteger(minute)) return null;
  const today = localParts(now, timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7];
    if (!days.has(weekday)) continue;
    const instant = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone);
    if (instant > now) return instant;
  }
  return null;
}

// "Daily at 06:30", "Weekdays at 07:00", "Monday, Friday at 18:00".
export function describeSchedule(scheduleDays: string, scheduleTime: string): string {
  const days = WEEKDAYS.filter((day) => scheduleDays.split(",").includes(day));
  const when = days.length === 7 ? "Daily" : days.join(",") === "mon,tue,wed,thu,fri" ? "Weekdays" : days.map((day) => WEEKDAY_NAMES[day]).join(", ");
  return `${when} at ${scheduleTime}`;
}
