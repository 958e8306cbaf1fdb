import { describe, expect, it } from "vitest";
import { describeSchedule, nextScheduledTime, zonedTime } from "./schedule";

describe("nextScheduledTime", () => {
  it("is later today when today's time has not passed, in UTC", () => {
    const next = nextScheduledTime({ scheduleDays: "mon,tue,wed,thu,fri,sat,sun", scheduleTime: "06:30" }, new Date("2026-12-07T05:00:00Z"), "UTC");
    expect(next?.toISOString()).toBe("2026-12-07T06:30:00.000Z");
  });

  it("is the next scheduled weekday once today's time has passed", () => {
    // 2026-12-07 is a Monday; the next Wednesday is the 9th.
    const next = nextScheduledTime({ scheduleDays: "wed", scheduleTime: "06:30" }, new Date("2026-12-07T07:00:00Z"), "UTC");
    expect(next?.toISOString()).toBe("2026-12-09T06:30:00.000Z");
  });

  it("is a week on when the only day is today and its time has passed", () => {
    const next = nextScheduledTime({ scheduleDays: "mon", scheduleTime: "06:30" }, new Date("2026-12-07T06:30:00Z"), "UTC");
    expect(next?.toISOString()).toBe("2026-12-14T06:30:00.000Z");
  });

  it("keeps the wall time in the newsroom's zone across a daylight-saving change", () => {
    // Amsterdam: UTC+2 in summer, UTC+1 after 25 October 2026.
    const summer = nextScheduledTime({ scheduleDays: "sat", scheduleTime: "06:30" }, new Date("2026-10-23T12:00:00Z"), "Europe/Amsterdam");
    const winter = nextScheduledTime({ scheduleDays: "mon", scheduleTime: "06:30" }, new Date("2026-10-25T12:00:00Z"), "Europe/Amsterdam");
    expect(summer?.toISOString()).toBe("2026-10-24T04:30:00.000Z");
    expect(winter?.toISOString()).toBe("2026-10-26T05:30:00.000Z");
  });

  it("is null for a schedule naming no day or no valid time", () => {
    expect(nextScheduledTime({ scheduleDays: "", scheduleTime: "06:30" }, new Date(), "UTC")).toBeNull();
    expect(nextScheduledTime({ scheduleDays: "mon", scheduleTime: "25:00" }, new Date(), "UTC")).toBeNull();
  });

  it("turns a wall time into the instant it names", () => {
    expect(zonedTime(2026, 7, 1, 9, 0, "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("describes schedules in words", () => {
    expect(describeSchedule("mon,tue,wed,thu,fri,sat,sun", "06:30")).toBe("Daily at 06:30");
    expect(describeSchedule("mon,tue,wed,thu,fri", "07:00")).toBe("Weekdays at 07:00");
    expect(describeSchedule("fri,mon", "18:00")).toBe("Monday, Friday at 18:00");
  });

  it("reads the time in the newsroom's zone across the spring change too", () => {
    // Amsterdam: UTC+1 in winter, UTC+2 from 28 March 2027 (a Sunday).
    expect(nextScheduledTime({ scheduleDays: "mon", scheduleTime: "06:30" }, new Date("2027-03-27T12:00:00Z"), "Europe/Amsterdam")?.toISOString()).toBe("2027-03-29T04:30:00.000Z");
  });
});
