import { describe, expect, it } from "vitest";
import { describeShared, scoreOf, SHARED_WEIGHTS } from "./related-suggestions-reasons";

const none = { events: 0, athletes: 0, teams: 0, tags: 0 };

describe("related-story suggestion scores", () => {
  it("weighs an event 4, an athlete 3, a team 2 and a tag 1", () => {
    expect(SHARED_WEIGHTS).toEqual({ events: 4, athletes: 3, teams: 2, tags: 1 });
    expect(scoreOf({ events: 1, athletes: 1, teams: 2, tags: 3 })).toBe(4 + 3 + 4 + 3);
    expect(scoreOf(none)).toBe(0);
  });

  it("says what is shared, the weightiest kind first, singular and plural", () => {
    expect(describeShared({ ...none, teams: 2, tags: 1 })).toBe("2 shared teams, 1 tag");
    expect(describeShared({ events: 1, athletes: 2, teams: 1, tags: 2 })).toBe("1 shared event, 2 shared athletes, 1 shared team, 2 tags");
    expect(describeShared(none)).toBe("");
  });
});
