import { describe, expect, it } from "vitest";
import { CreateBylineInput, parseSocialLinkLines } from "./schema";

describe("byline profile input", () => {
  it("reads one link a line, with or without a label", () => {
    expect(parseSocialLinkLines("https://www.x.com/aiko\n\n  Website https://aiko.example/about  ")).toEqual([
      { label: "x.com", url: "https://www.x.com/aiko" },
      { label: "Website", url: "https://aiko.example/about" },
    ]);
  });

  it("refuses links that are not http(s)", () => {
    const result = CreateBylineInput.safeParse({ name: "Aiko", socialLinks: "javascript:alert(1)" });
    expect(result.success).toBe(false);
  });

  it("turns the form's empty choices into no photo and no account, and an empty slug into none", () => {
    const parsed = CreateBylineInput.parse({ name: "  Aiko Mori ", slug: "", photoMediaId: "", userId: "" });
    expect(parsed).toMatchObject({ name: "Aiko Mori", slug: undefined, photoMediaId: null, userId: null, socialLinks: [] });
  });

  it("lower-cases a typed slug and refuses spaces or punctuation", () => {
    expect(CreateBylineInput.parse({ name: "A", slug: "Aiko-Mori" }).slug).toBe("aiko-mori");
    expect(CreateBylineInput.safeParse({ name: "A", slug: "aiko mori" }).success).toBe(false);
    expect(CreateBylineInput.safeParse({ name: "A", slug: "../admin" }).success).toBe(false);
  });
});
