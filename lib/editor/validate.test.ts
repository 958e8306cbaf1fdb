import { describe, expect, test } from "vitest";
import * as build from "../../tests/fixtures/story-body";
import { AppError } from "../errors";
import type { BodyMark, BodyNode } from "./types";
import { EMPTY_DOC } from "./types";
import { BODY_LIMITS, findBodyProblems, parseBody } from "./validate";

const ID = { media: "cmedia000000000000000001", caption: "ccaption0000000000000001", quote: "cquote000000000000000001", sidebar: "csidebar0000000000000001", article: "carticle0000000000000001" };
const { doc, paragraph } = build;

// Raw nodes for what the fixture builders cannot (and should not) make: malformed content.
const text = (value: string, marks?: BodyMark[]): BodyNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const linked = (href: unknown) => doc(paragraph(text("read more", [{ type: "link", attrs: { href } }])));

function caught(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

function problemsOf(body: unknown, kind: "story" | "sidebar" = "story"): string {
  return findBodyProblems(body, kind).join("\n");
}

const listOf = (type: "bulletList" | "orderedList", ...items: BodyNode[]): BodyNode => ({
  type,
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});

const FULL_STORY = doc(
  build.heading(2, "Ajax win the derby"),
  paragraph("A ", build.bold("late"), " goal, ", build.italic("again"), { type: "hardBreak" }, build.link("report", "https://example.com/report")),
  build.figure(ID.media, ID.caption),
  build.figure(ID.media),
  build.pullQuote(ID.quote),
  build.sidebar(ID.sidebar),
  build.relatedStory(ID.article, "Read also"),
  build.newsletterSignup(),
  build.heading(3, "Line-ups"),
  listOf("bulletList", build.link("Ajax", "/teams/ajax")),
  build.heading(4, "Goals"),
  listOf("orderedList", build.link("89' Brobbey", "mailto:desk@example.com"), text("#standings", [{ type: "link", attrs: { href: "#standings" } }])),
);

describe("valid bodies", () => {
  test("a story using every node, mark and heading level passes", () => {
    expect(findBodyProblems(FULL_STORY)).toEqual([]);
    expect(parseBody(FULL_STORY)).toBe(FULL_STORY);
  });

  test("the empty document passes for stories and sidebars", () => {
    expect(findBodyProblems(EMPTY_DOC, "story")).toEqual([]);
    expect(findBodyProblems(EMPTY_DOC, "sidebar")).toEqual([]);
  });

  test("a sidebar with text, headings, lists and links passes", () => {
    const sidebar = doc(build.heading(2, "Facts"), paragraph(build.link("Founded 1900", "/clubs/ajax")), listOf("bulletList", text("Ajax")));
    expect(findBodyProblems(sidebar, "sidebar")).toEqual([]);
  });
});

describe("unknown content", () => {
  test.each(["iframe", "script", "codeBlock", "blockquote", "image"])("refuses the unknown node %s", (type) => {
    expect(problemsOf(doc({ type }))).toContain(`unknown node "${type}"`);
  });

  test.each(["strike", "underline", "code", "highlight"])("refuses the unknown mark %s", (type) => {
    expect(problemsOf(doc(paragraph(text("x", [{ type }]))))).toContain(`unknown mark "${type}"`);
  });

  test("refuses an unknown node attribute", () => {
    expect(problemsOf(doc({ type: "paragraph", attrs: { style: "color:red" } }))).toContain('"paragraph" has no attribute "style"');
  });

  test("refuses an unknown mark attribute", () => {
    expect(problemsOf(doc(paragraph(text("x", [{ type: "link", attrs: { href: "/a", onclick: "alert(1)" } }]))))).toContain('mark "link" has no attribute "onclick"');
  });

  test.each(["constructor", "toString", "hasOwnProperty"])("refuses the unknown node attribute %s, however it is named", (name) => {
    expect(problemsOf(doc({ type: "paragraph", attrs: { [name]: "x" } }))).toContain(`has no attribute "${name}"`);
  });

  test("refuses an unknown mark attribute named like an object property", () => {
    expect(problemsOf(doc(paragraph(text("x", [{ type: "bold", attrs: { constructor: "x" } }]))))).toContain('mark "bold" has no attribute "constructor"');
  });

  test("refuses an attribute whose value is an object", () => {
    const figure = { type: "figure", attrs: { mediaId: { $ne: null } } };
    expect(problemsOf(doc(figure))).toContain('attribute "mediaId" must be a plain value');
  });

  test("refuses a mark attribute whose value is an object", () => {
    expect(problemsOf(doc(paragraph(text("x", [{ type: "link", attrs: { href: "/a", title: { html: "<b>" } } }]))))).toMatch(/title/);
  });

  test("sidebar bodies refuse every story node", () => {
    for (const node of FULL_STORY.content!.filter((n) => !["heading", "paragraph", "bulletList", "orderedList"].includes(n.type))) {
      expect(problemsOf(doc(node), "sidebar")).toContain(`unknown node "${node.type}"`);
    }
  });
});

describe("references", () => {
  test.each([
    ["figure", "mediaId", {}],
    ["figure", "mediaId", { mediaId: "" }],
    ["pullQuote", "quoteId", { quoteId: "short" }],
    ["sidebar", "sidebarId", { sidebarId: "CSIDEBAR0000000000000001" }],
    ["relatedStory", "articleId", { articleId: "carticle-000000000000001" }],
    ["relatedStory", "articleId", { articleId: Number.MAX_SAFE_INTEGER }],
  ])("a %s needs a valid %s (attrs %j)", (type, attribute, attrs) => {
    expect(problemsOf(doc({ type, attrs }))).toContain(`"${type}" needs a valid ${attribute}`);
  });

  test("a related story may wait for its story to be chosen (publishing checks it)", () => {
    expect(problemsOf(doc({ type: "relatedStory", attrs: { articleId: null, label: "" } }))).toBe("");
  });

  test("a figure's caption id, when given, must be an id", () => {
    expect(problemsOf(doc({ type: "figure", attrs: { mediaId: ID.media, captionId: "caption one" } }))).toContain("figure captionId is not a valid id");
  });

  test("a related-story label is text of at most 120 characters", () => {
    const related = (label: unknown) => doc({ type: "relatedStory", attrs: { articleId: ID.article, label } });
    expect(findBodyProblems(related("x".repeat(120)))).toEqual([]);
    expect(problemsOf(related("x".repeat(121)))).toContain("related-story label must be text of at most 120 characters");
    expect(problemsOf(related(42))).toContain("related-story label must be text");
  });
});

describe("link targets", () => {
  test.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    "  javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.com",
    "",
  ])("refuses %j", (href) => {
    expect(problemsOf(linked(href))).toMatch(/link target .* is not allowed/);
  });

  test("refuses a link without a target", () => {
    expect(problemsOf(doc(paragraph(text("x", [{ type: "link" }]))))).toMatch(/link target "" is not allowed/);
  });
});

describe("structure", () => {
  test.each([1, 5, 6])("refuses heading level %i", (level) => {
    expect(problemsOf(doc({ type: "heading", attrs: { level }, content: [text("Title")] }))).toContain(`heading level ${level} is not allowed`);
  });

  test.each([{ type: "text", text: "" }, { type: "text" }])("refuses a text node without text: %j", (node) => {
    expect(problemsOf(doc(paragraph(node)))).toContain("text node without text");
  });

  test("refuses text directly in the document", () => {
    expect(problemsOf(doc(text("loose text")))).toMatch(/structure: .*doc/);
  });

  test("refuses a paragraph inside a paragraph", () => {
    expect(problemsOf(doc(paragraph(paragraph(text("x")))))).toMatch(/structure: .*paragraph/);
  });

  test.each([null, "text", 42, [], { type: "paragraph" }, { content: [] }])("refuses %j as a document", (body) => {
    expect(problemsOf(body)).toContain('body must be a document (type "doc")');
  });

  test.each([null, "x", { text: "no type" }])("refuses the child %j as not a node", (child) => {
    expect(problemsOf({ type: "doc", content: [child] })).toContain("doc.content[0]: not a node");
  });

  test("refuses content that is not a list", () => {
    expect(problemsOf({ type: "doc", content: { 0: paragraph() } })).toContain("content must be a list");
  });

  test.each([{}, 5])("refuses marks that are not a list (%j) with a problem, not a crash", (marks) => {
    const body = doc(paragraph({ type: "text", text: "x", marks } as BodyNode));
    expect(findBodyProblems(body)).not.toEqual([]);
  });
});

describe("limits", () => {
  test("refuses a body over 512 KB", () => {
    const body = doc(paragraph(text("x".repeat(BODY_LIMITS.maxBytes + 1))));
    expect(problemsOf(body)).toMatch(/body is \d+ KB; the limit is 512 KB/);
  });

  test(`refuses a body of more than ${BODY_LIMITS.maxNodes} nodes`, () => {
    const body = doc(...Array.from({ length: BODY_LIMITS.maxNodes + 1 }, () => ({ type: "paragraph" })));
    expect(problemsOf(body)).toBe(`body has more than ${BODY_LIMITS.maxNodes} nodes`);
  });

  test(`refuses nesting deeper than ${BODY_LIMITS.maxDepth} levels`, () => {
    let list: BodyNode = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("deepest"))] }] };
    for (let level = 0; level < BODY_LIMITS.maxDepth; level += 1) {
      list = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text(`level ${level}`)), list] }] };
    }
    expect(problemsOf(doc(list))).toContain(`nested deeper than ${BODY_LIMITS.maxDepth} levels`);
  });

  test("refuses a body that cannot be serialised", () => {
    const circular: Record<string, unknown> = { type: "doc" };
    circular.content = [circular];
    expect(findBodyProblems(circular)).toEqual(["body is not JSON"]);
  });
});

describe("parseBody", () => {
  test("throws INVALID naming the problems", () => {
    const error = caught(() => parseBody(doc({ type: "iframe" }, { type: "pullQuote", attrs: {} })));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID", details: { problems: [expect.stringContaining('unknown node "iframe"'), expect.any(String)] } });
    expect(error?.message).toMatch(/^The story body is not valid: .*unknown node "iframe".*needs a valid quoteId/);
  });

  test("names the sidebar kind in its message", () => {
    expect(() => parseBody(doc(build.figure(ID.media)), "sidebar")).toThrow(/^The sidebar body is not valid: .*unknown node "figure"/);
  });
});

describe("unstorable characters", () => {
  test.each(["Harbour\u0000City", "half an emoji \uD83D"])("refuses body text %j, naming the character", (value) => {
    expect(findBodyProblems(doc(paragraph(text(value)))).join()).toMatch(/cannot be stored/);
  });
});
