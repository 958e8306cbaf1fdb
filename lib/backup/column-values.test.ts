// SQLite values as the PostgreSQL copy sends them: dates always in UTC whatever their SQLite form,
// 0/1 as booleans, JSON text checked, and values PostgreSQL cannot store refused with a reason.
import { describe, expect, it } from "vitest";
import { toPostgresValue, ValueError } from "./column-values";
import type { Column } from "./postgres-schema";

const column = (dataType: string): Column => ({ name: "c", dataType, udtName: dataType, isNullable: true, isGenerated: false });
const timestamp = column("timestamp without time zone");

describe("toPostgresValue", () => {
  it("writes every SQLite form of a date as the same UTC instant", () => {
    expect(toPostgresValue("2026-12-04T08:20:04.102+00:00", timestamp)).toBe("2026-12-04 08:20:04.102+00");
    expect(toPostgresValue("2026-12-04T10:20:04.102+02:00", timestamp)).toBe("2026-12-04 08:20:04.102+00");
    expect(toPostgresValue("2026-12-04 08:20:04", timestamp)).toBe("2026-12-04 08:20:04.000+00");
    expect(toPostgresValue(Date.UTC(2026, 11, 4, 8, 20, 4, 102), timestamp)).toBe("2026-12-04 08:20:04.102+00");
    expect(() => toPostgresValue("yesterday", timestamp)).toThrow(ValueError);
  });

  it("turns 0/1 into booleans and refuses anything else", () => {
    expect(toPostgresValue(1, column("boolean"))).toBe(true);
    expect(toPostgresValue(0, column("boolean"))).toBe(false);
    expect(() => toPostgresValue(2, column("boolean"))).toThrow(ValueError);
  });

  it("passes JSON text through, and refuses text that is not JSON or holds U+0000", () => {
    expect(toPostgresValue('{"type":"doc"}', column("jsonb"))).toBe('{"type":"doc"}');
    expect(toPostgresValue('{"t":"a\\\\u0000"}', column("jsonb"))).toBe('{"t":"a\\\\u0000"}');
    expect(() => toPostgresValue("{not json", column("jsonb"))).toThrow(/not JSON/);
    expect(() => toPostgresValue('{"t":"a\\u0000"}', column("jsonb"))).toThrow(/U\+0000/);
  });

  it("keeps NULL, numbers and text, and refuses text holding U+0000", () => {
    expect(toPostgresValue(null, timestamp)).toBeNull();
    expect(toPostgresValue(0.5, column("double precision"))).toBe("0.5");
    expect(toPostgresValue("Héadline", column("text"))).toBe("Héadline");
    expect(() => toPostgresValue("a\u0000b", column("text"))).toThrow(/U\+0000/);
  });
});
