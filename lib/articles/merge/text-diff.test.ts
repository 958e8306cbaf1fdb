import { describe, expect, it } from "vitest";
import { diffLines } from "./text-diff";

describe("diffLines", () => {
  it("marks kept, added and removed lines in order", () => {
    expect(diffLines("a\nb\nc", "a\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("reports nothing changed for equal texts", () => {
    expect(diffLines("x\ny", "x\ny").every((line) => line.kind === "same")).toBe(true);
  });
});
