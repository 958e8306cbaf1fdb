import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("subscriber CSV cells", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvRow(["a@b.co", 'I agree, "fully"', "line\nbreak", null])).toBe('a@b.co,"I agree, ""fully""","line\nbreak",\r\n');
  });

  it("defuses anything a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.test")')).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("reader@example.org")).toBe("reader@example.org");
  });
});
