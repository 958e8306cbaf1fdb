// A story body nested far too deep is refused by the schema with a message, before the validator
// (which walks it recursively) or JSON.stringify ever see it.
import { describe, expect, it } from "vitest";
import { ArticleInput } from "./schema";

function nestedList(levels: number): unknown {
  let inner: unknown = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let level = 0; level < levels; level += 1) inner = { type: "bulletList", content: [{ type: "listItem", content: [inner] }] };
  return { type: "doc", content: [inner] };
}

describe("ArticleInput body depth", () => {
  it.each([10_000, 100_000])("refuses a body nested %i levels with a message naming the limit", (levels) => {
    const result = ArticleInput.safeParse({ slug: "deep", body: nestedList(levels) });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["body"], message: expect.stringMatching(/nested too deeply.*24 levels/) })]);
  });

  it("refuses a sidebar body nested 10,000 levels", () => {
    const result = ArticleInput.safeParse({ slug: "deep", sidebars: [{ id: "c00000000000000000000000a", heading: "Box", body: nestedList(10_000) }] });
    expect(result.error?.issues[0].path).toEqual(["sidebars", 0, "body"]);
  });

  it("leaves a body within the validator's reach to the validator", () => {
    expect(ArticleInput.safeParse({ slug: "deep", body: nestedList(10) }).success).toBe(true);
    expect(ArticleInput.safeParse({ slug: "deep", body: nestedList(13) }).success).toBe(true);
  });
});
