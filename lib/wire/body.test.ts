import { describe, expect, test } from "vitest";
import { NEWSML_SAMPLES, NINJS_SAMPLES, readNewsmlSample, readNinjsSample, wrapContentMeta } from "@/tests/fixtures/wire-samples";
import { findBodyProblems } from "../editor/validate";
import type { BodyDoc, BodyNode } from "../editor/types";
import { wireBodyToDoc } from "./body";
import { parseWireDocument } from "./detect";
import { parseXhtmlFragment } from "./xml";

const fromHtml = (html: string, lead = "") => wireBodyToDoc({ kind: "markup", nodes: parseXhtmlFragment(html, "test") }, lead);
const textOf = (node: BodyNode): string => node.text ?? (node.content ?? []).map(textOf).join("");
const types = (doc: BodyDoc) => (doc.content ?? []).map((node) => node.type);

describe("wire body → editor document", () => {
  test("paragraphs, headings, lists, bold, italic, breaks and safe links are kept", () => {
    const doc = fromHtml(
      '<h1>Title</h1><p>A <b>bold</b> and <em>italic <strong>both</strong></em> word<br/>next line <a href="https://example.com/r" onclick="x()">report</a></p><ul><li>one</li><li><p>two</p></li></ul><ol><li>first</li></ol>',
    );
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "A " },
          { type: "text", text: "bold", marks: [{ type: "bold" }] },
          { type: "text", text: " and " },
          { type: "text", text: "italic ", marks: [{ type: "italic" }] },
          { type: "text", text: "both", marks: [{ type: "bold" }, { type: "italic" }] },
          { type: "text", text: " word" },
          { type: "hardBreak" },
          { type: "text", text: "next line " },
          { type: "text", text: "report", marks: [{ type: "link", attrs: { href: "https://example.com/r" } }] },
        ],
      },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "two" }] }] },
        ],
      },
      { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "first" }] }] }] },
    ]);
    expect(findBodyProblems(doc)).toEqual([]);
  });

  test.each([
    ["<p>Hi<script>alert(1)</script></p><script>alert(2)</script>", ["Hi"]],
    ['<p onmouseover="alert(1)" style="x">Hover</p>', ["Hover"]],
    ['<p><a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a href="/relative">rel</a></p>', ["js data rel"]],
    ['<p><img src="x" onerror="alert(1)"/>Pic</p><iframe src="https://evil.example"></iframe><style>p{}</style>', ["Pic"]],
    ["<svg><script>alert(1)</script></svg><p>After</p>", ["After"]],
    ["<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", ["<script>alert(1)</script>"]],
  ])("hostile markup is dropped, its harmless text kept as text: %s", (html, paragraphs) => {
    const doc = fromHtml(html);
    expect((doc.content ?? []).map(textOf)).toEqual(paragraphs);
    expect(JSON.stringify(doc)).not.toMatch(/javascript:|data:text|onmouseover|onerror|"script"|"\/relative"/);
    expect(findBodyProblems(doc)).toEqual([]);
  });

  test("unknown elements give up their text; loose text between blocks becomes a paragraph", () => {
    const doc = fromHtml("<p>Score: <person>Messi</person> <num>2</num></p>loose <b>text</b><div><p>in div</p></div>");
    expect((doc.content ?? []).map(textOf)).toEqual(["Score: Messi 2", "loose text", "in div"]);
  });

  test("plain text: blank lines separate paragraphs, single line breaks are wrapping", () => {
    const doc = wireBodyToDoc({ kind: "text", text: "First line\nwrapped.\n\nSecond.\r\n\r\n\u0000Third." });
    expect((doc.content ?? []).map(textOf)).toEqual(["First line wrapped.", "Second.", "Third."]);
  });

  test("a dateline is put first in bold unless the body already starts with it", () => {
    expect(fromHtml("<p>Troops stay.</p>", "MOSCOW, Monday (Reuters)").content?.[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "MOSCOW, Monday (Reuters)", marks: [{ type: "bold" }] }] });
    expect(types(fromHtml("<p>MOSCOW, Monday (Reuters) - Troops stay.</p>", "MOSCOW, Monday (Reuters)"))).toEqual(["paragraph"]);
  });

  test("no body gives the editor's empty document", () => {
    expect(wireBodyToDoc(null)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  test("every sample's body maps to a document the editor's validator accepts", () => {
    const items = [
      ...NINJS_SAMPLES.map((name) => parseWireDocument(JSON.stringify(readNinjsSample(name)))),
      ...NEWSML_SAMPLES.filter((name) => !name.startsWith("LISTING_28")).map((name) => parseWireDocument(readNewsmlSample(name))),
      parseWireDocument(wrapContentMeta(readNewsmlSample("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"))),
    ];
    for (const item of items) expect(findBodyProblems(wireBodyToDoc(item.body, item.dateline))).toEqual([]);
    const sports = items.find((item) => item.guid.includes("xt.5932656"))!;
    expect((wireBodyToDoc(sports.body).content ?? []).map(textOf)[5]).toMatch(/^Right-hander Freddy Garcia takes the hill/);
  });
});
