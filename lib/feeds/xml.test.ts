import { describe, expect, it } from "vitest";
import { el, escapeXml, raw } from "./xml";

describe("escapeXml", () => {
  it("escapes markup characters", () => {
    expect(escapeXml(`Q&A: <b>"Fast" 'Eddie'</b>`)).toBe("Q&amp;A: &lt;b&gt;&quot;Fast&quot; &apos;Eddie&apos;&lt;/b&gt;");
  });

  it("drops characters XML cannot carry and keeps the rest of Unicode", () => {
    expect(escapeXml("a\u0000b\u0008c\u001Fd\uFFFEe\uD800f")).toBe("abcdef");
    expect(escapeXml("tab\there\nnew 😀 東京 é")).toBe("tab\there\nnew 😀 東京 é");
  });
});

describe("elements", () => {
  it("escapes text and attribute values", () => {
    expect(el("title", "a < b", { href: 'x"y&z' })).toBe('<title href="x&quot;y&amp;z">a &lt; b</title>');
    expect(raw("item", [el("a", 1), el("b", "2")])).toBe("<item><a>1</a><b>2</b></item>");
  });
});
