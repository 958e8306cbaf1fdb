import { describe, expect, test } from "vitest";
import { claimedName, inboxPath, isPlainName, isWaitingName, originalName, storableName } from "./inbox-files";

describe("inbox file names", () => {
  test.each(["story.json", "a..b.xml", " leading space.json", "a\\..\\b.json", "-rf.json", "line\nbreak.json"])("%j is a plain name", (name) => {
    expect(isPlainName(name)).toBe(true);
    expect(inboxPath("/srv/inbox", "done", name)).toBe(`/srv/inbox/done/${name}`);
  });

  test.each(["", ".", "..", "../etc/passwd", "/etc/passwd", "a/b.json", "nul\u0000.json"])("%j is refused as a path", (name) => {
    expect(isPlainName(name)).toBe(false);
    expect(() => inboxPath("/srv/inbox", null, name)).toThrow(/not a plain file name/);
  });

  test.each([
    [".hidden.json", true],
    ["story.json.part", true],
    ["story.JSON.TMP", true],
    ["story.json.filepart", true],
    ["story.json", false],
    ["partial-report.json", false],
  ])("%j waits: %s", (name, waits) => {
    expect(isWaitingName(name)).toBe(waits);
  });

  test("a long name is cut at a character boundary with a hash of the whole, so two long names stay apart", () => {
    const long = `${"é".repeat(150)}.json`;
    const other = `${"é".repeat(150)}.xml`;
    expect(Buffer.byteLength(storableName(long))).toBeLessThanOrEqual(200);
    expect(storableName(long)).toMatch(/^é+-[0-9a-f]{8}$/);
    expect(storableName(long)).not.toBe(storableName(other));
    expect(storableName("short.json")).toBe("short.json");
  });

  test("a claimed name carries a token and gives the original name back", () => {
    const claimed = claimedName("processing~story.json");
    expect(claimed).toMatch(/^[a-z0-9]+-[0-9a-f]{8}~processing~story\.json$/);
    expect(originalName(claimed)).toBe("processing~story.json");
  });
});
