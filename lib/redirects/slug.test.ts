import { describe, expect, it } from "vitest";
import { toSlug } from "./slug";

describe("toSlug", () => {
  it("makes lower-case, hyphenated, accent-free addresses", () => {
    expect(toSlug("Ski Jumping: Men's Large Hill")).toBe("ski-jumping-mens-large-hill");
    expect(toSlug("Équipe de France")).toBe("equipe-de-france");
    expect(toSlug("  --  ")).toBe("");
  });
});
