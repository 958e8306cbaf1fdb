import { describe, expect, test } from "vitest";
import { parsePlainText } from "./plain-text";
import { parseWireDocument } from "./detect";

const copy = `EMBARGOED UNTIL 2030-03-01T18:00:00Z

Van Dijk header sinks Ajax in derby
By Jan Jansen and Piet Pieters

AMSTERDAM (ANP) -- Virgil van Dijk scored with a late header.

The win lifts them to second.

Ajax play again on Sunday.`;

describe("plain agency text", () => {
  test("embargo, headline, byline, dateline, agency and paragraphs in the usual wire layout", () => {
    const item = parsePlainText(copy);
    expect(item).toMatchObject({
      format: "text",
      version: 1,
      headline: "Van Dijk header sinks Ajax in derby",
      bylines: ["Jan Jansen and Piet Pieters"],
      dateline: "AMSTERDAM (ANP)",
      provider: "ANP",
      embargoedUntil: "2030-03-01T18:00:00.000Z",
    });
    expect(item.body).toEqual({ kind: "text", text: "AMSTERDAM (ANP) -- Virgil van Dijk scored with a late header.\n\nThe win lifts them to second.\n\nAjax play again on Sunday." });
  });

  test("the same copy pasted twice has the same guid; other copy another", () => {
    expect(parsePlainText(copy).guid).toBe(parsePlainText(`${copy}\n`).guid);
    expect(parsePlainText(copy).guid).not.toBe(parsePlainText(copy.replace("late", "early")).guid);
  });

  test("copy without byline, dateline or blank lines: one paragraph a line", () => {
    const item = parseWireDocument("Headline only\nFirst line.\nSecond line.");
    expect(item).toMatchObject({ headline: "Headline only", bylines: [], dateline: "", provider: "" });
    expect(item.body).toEqual({ kind: "text", text: "First line.\n\nSecond line." });
  });

  test("a dateline with a place and date but no agency", () => {
    expect(parsePlainText("H\n\nMELBOURNE, Jan 12 — Play resumed.").dateline).toBe("MELBOURNE, Jan 12");
  });

  test.each([
    ["", /the text is empty/],
    ["EMBARGOED UNTIL whenever\nHeadline", /the embargo line "EMBARGOED UNTIL whenever" is not a date and time/],
  ])("refused: %j", (text, message) => {
    expect(() => parsePlainText(text)).toThrow(message);
  });

  test("a file over the size limit is refused before it is read", () => {
    expect(() => parseWireDocument("x".repeat(5 * 1024 * 1024 + 1))).toThrow(/the limit is 5 MB/);
  });
});
