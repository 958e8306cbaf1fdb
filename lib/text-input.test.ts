import { describe, expect, it } from "vitest";
import { hasUnstorableCharacters, textInput } from "./text-input";

describe("textInput", () => {
  it.each(["Harbour\u0000City", "\uD800", "Goal \uDE00 now", "ends in half \uD83D"])("refuses %j with a message a person can act on", (value) => {
    const result = textInput().max(200).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/cannot be stored/);
  });

  it("keeps whole emoji, accents and right-to-left text, trimmed", () => {
    expect(textInput().parse("  Goal 🏒 café ﷺ  ")).toBe("Goal 🏒 café ﷺ");
    expect(hasUnstorableCharacters("🏒")).toBe(false);
  });
});
