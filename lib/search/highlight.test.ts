import { describe, expect, it } from "vitest";
import { splitHighlights } from "./highlight";

describe("splitHighlights", () => {
  it("splits marked text into plain and matched parts", () => {
    expect(splitHighlights("The \u0002skater\u0003 fell \u0002twice\u0003.")).toEqual([
      { text: "The ", isMatch: false },
      { text: "skater", isMatch: true },
      { text: " fell ", isMatch: false },
      { text: "twice", isMatch: true },
      { text: ".", isMatch: false },
    ]);
  });

  it("keeps markup-like text as text", () => {
    expect(splitHighlights("<script>\u0002x\u0003</script>")).toEqual([
      { text: "<script>", isMatch: false },
      { text: "x", isMatch: true },
      { text: "</script>", isMatch: false },
    ]);
  });

  it("tolerates unbalanced markers", () => {
    expect(splitHighlights("a\u0003b\u0002c")).toEqual([
      { text: "a", isMatch: false },
      { text: "b", isMatch: false },
      { text: "c", isMatch: true },
    ]);
  });
});
