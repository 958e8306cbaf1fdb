import { describe, expect, it } from "vitest";
import { describeSchedule, nextScheduledTime } from "./schedule";

describe("newsletter schedule", () => {
  it("finds the next slot later today, else on the next scheduled day", () => {
    // Monday 7 December 2026, 05:00 UTC.
    const monday = new Date("2026-12-07T05:00:00Z");
    expect(nextScheduledTime("mon,tue,wed,thu,fri,sat,sun", "06:30", monday, "UTC")?.toISOString()).toBe("2026-12-07T06:30:00.000Z");
    expect(nextScheduledTime("mon,tue,wed,thu,fri,sat,sun", "04:30", monday, "UTC")?.toISOString()).toBe("2026-12-08T04:30:00.000Z");
    expect(nextScheduledTime("fri", "18:00", monday, "UTC")?.toISOString()).toBe("2026-12-11T18:00:00.000Z");
    expect(nextScheduledTime("mon", "05:00", monday, "UTC")?.toISOString()).toBe("2026-12-14T05:00:00.000Z");
  });

  it("reads the time in the newsroom's zone, across a daylight-saving change", () => {
    // Amsterdam: UTC+1 in winter, UTC+2 from 28 March 2027 (a Sunday).
    expect(nextScheduledTime("mon", "06:30", new Date("2026-12-07T12:00:00Z"), "Europe/Amsterdam")?.toISOString()).toBe("2026-12-14T05:30:00.000Z");
    expect(nextScheduledTime("mon", "06:30", new Date("2027-03-27T12:00:00Z"), "Europe/Amsterdam")?.toISOString()).toBe("2027-03-29T04:30:00.000Z");
  });

  it("has no next time without days, and describes schedules in words", () => {
    expect(nextScheduledTime("", "06:30")).toBeNull();
    expect(describeSchedule("mon,tue,wed,thu,fri,sat,sun", "06:30")).toBe("Daily at 06:30");
    expect(describeSchedule("mon,tue,wed,thu,fri", "07:00")).toBe("Weekdays at 07:00");
    expect(describeSchedule("fri,mon", "18:00")).toBe("Monday, Friday at 18:00");
  });
});
