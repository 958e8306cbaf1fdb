import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { AllSelection, EditorState, NodeSelection, TextSelection, type Selection } from "@tiptap/pm/state";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { getStorySchema } from "@/lib/editor/schema";
import { blockBesideCursor, insertBlock, typeBesideBlock } from "./block-guard";

const schema = getStorySchema();
const p = (text?: string): JSONContent => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" });
const quote = (n: number): JSONContent => ({ type: "pullQuote", attrs: { quoteId: `quote${String(n).padStart(20, "0")}` } });
const sidebar = (n: number): JSONContent => ({ type: "sidebar", attrs: { sidebarId: `sidebar${String(n).padStart(20, "0")}` } });
// A block naming no newsletter offers the main one (its attribute is null until the editor picks one).
const newsletter: JSONContent = { type: "newsletterSignup", attrs: { newsletterId: null } };
const list = (text: string): JSONContent => ({ type: "bulletList", content: [{ type: "listItem", content: [p(text)] }] });

function stateOf(content: JSONContent[], select: (doc: ProseMirrorNode) => Selection): EditorState {
  const doc = schema.nodeFromJSON({ type: "doc", content });
  return EditorState.create({ doc, selection: select(doc) });
}

// The position just before the top-level node at `index`.
const before = (doc: ProseMirrorNode, index: number) => {
  let pos = 0;
  for (let at = 0; at < index; at++) pos += doc.child(at).nodeSize;
  return pos;
};
const selectNode = (index: number) => (doc: ProseMirrorNode) => NodeSelection.create(doc, before(doc, index));
// A cursor `offset` characters into the textblock at top-level `index`.
const cursorIn = (index: number, offset: number) => (doc: ProseMirrorNode) => TextSelection.create(doc, before(doc, index) + 1 + offset);

function insert(state: EditorState, block: JSONContent) {
  const tr = state.tr;
  const isDone = insertBlock(tr, schema.nodeFromJSON(block));
  return { isDone, content: tr.doc.toJSON().content as JSONContent[], selection: tr.selection };
}

describe("insertBlock", () => {
  it("puts a block after a selected block instead of replacing it, then puts the cursor in a new paragraph", () => {
    const result = insert(stateOf([p("Lead."), quote(1)], selectNode(1)), sidebar(2));
    expect(result.content).toEqual([p("Lead."), quote(1), sidebar(2), p()]);
    expect(result.selection).toBeInstanceOf(TextSelection);
    expect(result.selection.$from.index(0)).toBe(3);
  });

  it("keeps every block when blocks are inserted one after another", () => {
    let state = stateOf([p()], cursorIn(0, 0));
    for (const block of [quote(1), sidebar(2), newsletter]) {
      const tr = state.tr;
      insertBlock(tr, schema.nodeFromJSON(block));
      state = state.apply(tr);
    }
    expect(state.doc.toJSON().content).toEqual([quote(1), sidebar(2), newsletter, p()]);
  });

  it("takes the place of the empty paragraph the cursor is in", () => {
    const result = insert(stateOf([p("Lead."), p(), p("Next.")], cursorIn(1, 0)), quote(1));
    expect(result.content).toEqual([p("Lead."), quote(1), p("Next.")]);
    expect(result.selection.$from.parent.textContent).toBe("Next.");
    expect(result.selection.$from.parentOffset).toBe(0);
  });

  it("goes after the paragraph the cursor is in without splitting it, and never replaces selected text", () => {
    expect(insert(stateOf([p("Lead."), p("Next.")], cursorIn(0, 2)), quote(1)).content).toEqual([p("Lead."), quote(1), p("Next.")]);
    const withText = stateOf([p("Lead.")], (doc) => TextSelection.create(doc, 2, 4));
    expect(insert(withText, quote(1)).content).toEqual([p("Lead."), quote(1), p()]);
  });

  it("goes after a whole list, and at the end after select-all", () => {
    expect(
      insert(
        stateOf([list("Item"), p("Next.")], (doc) => TextSelection.create(doc, 3)),
        quote(1),
      ).content,
    ).toEqual([list("Item"), quote(1), p("Next.")]);
    expect(
      insert(
        stateOf([p("Lead."), quote(1)], (doc) => new AllSelection(doc)),
        newsletter,
      ).content,
    ).toEqual([p("Lead."), quote(1), newsletter, p()]);
  });

  it("selects the new block when another block follows it", () => {
    const result = insert(stateOf([quote(1), sidebar(2), p()], selectNode(0)), newsletter);
    expect(result.content).toEqual([quote(1), newsletter, sidebar(2), p()]);
    expect(result.selection).toBeInstanceOf(NodeSelection);
    expect((result.selection as NodeSelection).node.type.name).toBe("newsletterSignup");
  });
});

describe("typeBesideBlock", () => {
  it("types at the start of the paragraph after a selected block, keeping the block", () => {
    const state = stateOf([quote(1), p("after")], selectNode(0));
    const tr = typeBesideBlock(state.tr, state.selection as NodeSelection, "x");
    expect(tr.doc.toJSON().content).toEqual([quote(1), p("xafter")]);
    expect(tr.selection.from).toBe(tr.doc.child(0).nodeSize + 2);
  });

  it("makes a paragraph for the text between two blocks", () => {
    const state = stateOf([quote(1), sidebar(2)], selectNode(0));
    expect(typeBesideBlock(state.tr, state.selection as NodeSelection, "x").doc.toJSON().content).toEqual([quote(1), p("x"), sidebar(2)]);
  });
});

describe("blockBesideCursor", () => {
  it("names the block Backspace at the start (Delete at the end) of a paragraph would delete", () => {
    expect(blockBesideCursor(stateOf([p("Lead."), quote(1), p("after")], cursorIn(2, 0)), "backward")).toBe(7);
    expect(blockBesideCursor(stateOf([p("Lead."), quote(1), p("after")], cursorIn(0, 5)), "forward")).toBe(7);
  });

  it("names none inside text, next to text, or from an empty paragraph", () => {
    expect(blockBesideCursor(stateOf([quote(1), p("after")], cursorIn(1, 2)), "backward")).toBeNull();
    expect(blockBesideCursor(stateOf([p("Lead."), p("after")], cursorIn(1, 0)), "backward")).toBeNull();
    expect(blockBesideCursor(stateOf([quote(1), p()], cursorIn(1, 0)), "backward")).toBeNull();
    expect(blockBesideCursor(stateOf([p("Lead."), quote(1)], cursorIn(0, 5)), "backward")).toBeNull();
  });
});
