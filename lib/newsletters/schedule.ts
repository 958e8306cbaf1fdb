import { WEEKDAYS, WEEKDAY_NAMES } from "./weekdays";

// When a newsletter's next edition goes out (the one schedule reader: assembly, the newsletters list): its schedule (days "mon,tue,…" and "HH:MM") is wall
// time in the newsroom's time zone (NEWSROOM_TIME_ZONE, as lib/format-date.ts uses), so 06:30
// stays 06:30 for readers across a daylight-saving change.
export const NEWSROOM_TIME_ZONE = process.env.NEWSROOM_TIME_ZONE ?? "UTC";

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

type WallDate = { year: number; month: number; day: number; weekday: number };

function wallParts(instant: Date, timeZone: string): WallDate & { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short", hourCycle: "h23" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    hour: Number(part("hour")),
    minute: Number(part("minute")),
    weekday: DAY_NAMES.indexOf(part("weekday").toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number]),
  };
}

// Minutes the zone is ahead of UTC at `instant`.
function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallParts(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

// The instant a wall-clock time in `timeZone` names (checked twice: the offset may differ there).
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60_000);
  return new Date(guess - offsetMinutes(first, timeZone) * 60_000);
}

export function parseScheduleDays(days: string): Set<number> {
  const wanted = new Set(days.split(",").map((day) => DAY_NAMES.indexOf(day.trim().toLowerCase() as (typeof DAY_NAMES)[number])));
  wanted.delete(-1);
  return wanted;
}

// The first scheduled time strictly after `after`; null when the schedule names no valid day or time.
export function nextScheduledTime(schedule: { scheduleDays: string; scheduleTime: string }, after: Date, timeZone: string = NEWSROOM_TIME_ZONE): Date | null {
  const days = parseScheduleDays(schedule.scheduleDays);
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.scheduleTime.trim());
  if (days.size === 0 || !time) return null;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  // Eight days: today's time may have passed, and the same weekday next week may be the only one.
  for (let offset = 0; offset <= 8; offset += 1) {
    const wall = wallParts(new Date(after.getTime() + offset * 86_400_000), timeZone);
    if (!days.has(wall.weekday)) continue;
    const candidate = zonedTime(wall.year, wall.month, wall.day, hour, minute, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  return null;
}

// "Daily at 06:30", "Weekdays at 07:00", "Monday, Friday at 18:00".
export function describeSchedule(scheduleDays: string, scheduleTime: string): string {
  const days = WEEKDAYS.filter((day) => scheduleDays.split(",").includes(day));
  const when = days.length === 7 ? "Daily" : days.join(",") === "mon,tue,wed,thu,fri" ? "Weekdays" : days.map((day) => WEEKDAY_NAMES[day]).join(", ");
  return `${when} at ${scheduleTime}`;
}
