import { describe, expect, it } from "vitest";
import { dayStartIn, isIsoDay } from "./dates";
import { dateRange, readSearchParams } from "./params";

describe("readSearchParams", () => {
  it("reads the words, filters and page", () => {
    const form = readSearchParams({ q: "late winner", section: "football", from: "2026-11-01", to: "2026-11-28", page: "2" });
    expect(form).toMatchObject({ text: "late winner", terms: ["late", "winner"], section: "football", from: "2026-11-01", to: "2026-11-28", page: 2 });
  });

  it("drops malformed filters instead of failing", () => {
    const form = readSearchParams({ q: ["first", "second"], section: "Football'; --", from: "2026-02-30", to: "yesterday" });
    expect(form).toMatchObject({ text: "first", section: "", from: "", to: "", page: 1 });
  });

  it("marks a malformed page number", () => {
    expect(readSearchParams({ page: "0" }).page).toBeNull();
    expect(readSearchParams({ page: "x" }).page).toBeNull();
  });
});

describe("days in a time zone", () => {
  it("checks calendar days", () => {
    expect(isIsoDay("2026-11-28")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("28/11/2026")).toBe(false);
  });

  it("starts a day at the zone's midnight, including across daylight saving", () => {
    expect(dayStartIn("2026-11-28", "UTC").toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(dayStartIn("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(dayStartIn("2026-03-29", "Europe/London", 1).toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(dayStartIn("2026-11-28", "Australia/Sydney").toISOString()).toBe("2026-11-27T13:00:00.000Z");
  });

  it("includes the whole `to` day", () => {
    expect(dateRange({ from: "2026-11-01", to: "2026-11-28" }, "UTC")).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      until: new Date("2026-11-29T00:00:00Z"),
    });
  });
});
