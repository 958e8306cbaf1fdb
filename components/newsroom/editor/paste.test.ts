import { describe, expect, it } from "vitest";
import { cleanPastedHtml, plainTextToParagraphs } from "./paste";

describe("pasting", () => {
  it("strips word-processor styling but keeps paragraphs and emphasis", () => {
    const html = '<p class="MsoNormal" style="margin:0"><span style="font-family:Calibri">Takagi fell</span><o:p></o:p></p><p><b style="x">at the last turn</b></p>';
    expect(cleanPastedHtml(html)).toBe("<p>Takagi fell</p><p><b>at the last turn</b></p>");
  });

  it("drops embedded styles and scripts", () => {
    expect(cleanPastedHtml("<style>p{color:red}</style><script>alert(1)</script><p>Text</p>")).toBe("<p>Text</p>");
  });

  it("splits wire copy into paragraphs", () => {
    expect(plainTextToParagraphs("First par\ncontinues.\n\nSecond par.")).toEqual(["First par continues.", "Second par."]);
    expect(plainTextToParagraphs("One\nTwo")).toEqual(["One", "Two"]);
  });
});
