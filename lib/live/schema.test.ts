import { describe, expect, it } from "vitest";
import { ChangesQuery, KeyPoints, MakeLiveCoverageInput, PostEntryInput } from "./schema";

const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Goal." }] }] };

describe("live coverage input", () => {
  it("takes key points as a short list of non-empty sentences", () => {
    expect(KeyPoints.parse([" City lead "])).toEqual(["City lead"]);
    expect(KeyPoints.safeParse([""]).success).toBe(false);
    expect(KeyPoints.safeParse(Array.from({ length: 11 }, () => "Point")).success).toBe(false);
    expect(KeyPoints.safeParse(["x".repeat(281)]).success).toBe(false);
    expect(KeyPoints.safeParse([{ type: "doc" }]).success).toBe(false);
  });

  it("wants both scores of a snapshot, or neither", () => {
    expect(PostEntryInput.safeParse({ articleId: "a", body, homeScore: 1, awayScore: 0 }).success).toBe(true);
    expect(PostEntryInput.safeParse({ articleId: "a", body }).success).toBe(true);
    expect(PostEntryInput.safeParse({ articleId: "a", body, homeScore: 1 }).success).toBe(false);
    expect(PostEntryInput.safeParse({ articleId: "a", body, homeScore: -1, awayScore: 0 }).success).toBe(false);
  });

  it("defaults an entry to an update that is not a key event, and refuses unknown types", () => {
    expect(PostEntryInput.parse({ articleId: "a", body })).toMatchObject({ type: "UPDATE", keyEvent: false, minuteOrPeriod: null });
    expect(PostEntryInput.safeParse({ articleId: "a", body, type: "PENALTY" }).success).toBe(false);
  });

  it("refuses coverage that ends before it starts, and a match without both sides", () => {
    expect(MakeLiveCoverageInput.safeParse({ articleId: "a", startsAt: "2026-12-06T15:00:00Z", endsAt: "2026-12-06T14:00:00Z" }).success).toBe(false);
    expect(MakeLiveCoverageInput.safeParse({ articleId: "a", match: { home: "City" } }).success).toBe(false);
    expect(MakeLiveCoverageInput.parse({ articleId: "a", match: { home: "City", away: "United", venue: "" } }).match).toEqual({ home: "City", away: "United", competition: null, venue: null, kickoff: null });
  });

  it("reads a cursor from a query string or Last-Event-ID, and refuses a negative one", () => {
    expect(ChangesQuery.parse({ articleId: "a", cursor: "42" })).toEqual({ articleId: "a", cursor: 42, limit: 100 });
    expect(ChangesQuery.parse({ articleId: "a" }).cursor).toBe(0);
    expect(ChangesQuery.safeParse({ articleId: "a", cursor: "-1" }).success).toBe(false);
    expect(ChangesQuery.safeParse({ articleId: "a", cursor: "1.5" }).success).toBe(false);
    expect(ChangesQuery.safeParse({ articleId: "a", limit: 501 }).success).toBe(false);
  });
});
