// Story blocks (photo, pull quote, related story, sidebar, newsletter) are atoms, and ProseMirror
// treats a selected atom like selected text: whatever is inserted, typed or pasted replaces it, and
// Backspace at the start of the paragraph after one deletes it outright. Here a block goes only by
// Backspace or Delete while it is selected, or by its own Remove button: the toolbar inserts
// through `insertBlock`, text, pastes and deleting keys that would take a block with them go
// beside it or select it instead, and a key pressed right after a click acts where the caret is.
import { Extension, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState, type Selection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    blockGuard: {
      // Puts a story block after the current block, or in place of the empty paragraph the cursor is in.
      insertBlock: (content: JSONContent) => ReturnType;
    };
  }
}

function isStoryBlock(node: ProseMirrorNode | null | undefined): node is ProseMirrorNode {
  return !!node && node.isBlock && node.isAtom;
}

function selectedBlock(selection: Selection): NodeSelection | null {
  return selection instanceof NodeSelection && isStoryBlock(selection.node) ? selection : null;
}

// Where a new block goes. A selection at the top level (a selected block, a gap cursor, select-all)
// ends where it goes; otherwise it goes after the top-level block holding the selection's end,
// or takes the place of the empty paragraph holding the cursor.
function insertionRange(selection: Selection, schema: Schema): { from: number; to: number } {
  const { $to } = selection;
  if ($to.depth === 0) return { from: $to.pos, to: $to.pos };
  const isEmptyParagraph = $to.node(1).type === schema.nodes.paragraph && $to.node(1).content.size === 0;
  if (selection.empty && isEmptyParagraph) return { from: $to.before(1), to: $to.after(1) };
  return { from: $to.after(1), to: $to.after(1) };
}

// The start of the textblock that begins at `pos`; with `create`, a new empty paragraph is put at
// `pos` when what follows is not a textblock.
function textStartAt(tr: Transaction, pos: number, create: boolean): number | null {
  if (tr.doc.resolve(pos).nodeAfter?.isTextblock) return pos + 1;
  if (!create) return null;
  tr.insert(pos, tr.doc.type.schema.nodes.paragraph.create());
  return pos + 1;
}

// Inserts `block` where insertionRange says. The cursor goes to the start of the paragraph after
// it (a new one when the block ends the story); between two blocks, the new block is selected.
export function insertBlock(tr: Transaction, block: ProseMirrorNode): boolean {
  const { from, to } = insertionRange(tr.selection, tr.doc.type.schema);
  const $from = tr.doc.resolve(from);
  if (!$from.parent.canReplaceWith($from.index(), tr.doc.resolve(to).index(), block.type)) return false;
  tr.replaceWith(from, to, block);
  const end = from + block.nodeSize;
  const caret = textStartAt(tr, end, end === tr.doc.content.size);
  tr.setSelection(caret === null ? NodeSelection.create(tr.doc, from) : TextSelection.create(tr.doc, caret));
  tr.scrollIntoView();
  return true;
}

// Text typed while a block is selected goes to the start of the paragraph after it (a new one
// when none follows).
export function typeBesideBlock(tr: Transaction, block: NodeSelection, text: string): Transaction {
  const at = textStartAt(tr, block.to, true)!;
  return tr.setSelection(TextSelection.create(tr.doc, at)).insertText(text).scrollIntoView();
}

// The block Backspace at the start of a non-empty textblock (Delete at its end) would delete with
// ProseMirror's joinBackward/joinForward, which remove an atom neighbour outright: its position,
// to be selected instead, so a second press deletes it. (From an empty paragraph they delete the
// paragraph and select the block, which loses nothing.)
export function blockBesideCursor(state: EditorState, direction: "backward" | "forward"): number | null {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parent.content.size === 0) return null;
  const isBackward = direction === "backward";
  if ($cursor.parentOffset !== (isBackward ? 0 : $cursor.parent.content.size)) return null;
  const $edge = state.doc.resolve(isBackward ? $cursor.before() : $cursor.after());
  const neighbour = isBackward ? $edge.nodeBefore : $edge.nodeAfter;
  if (!isStoryBlock(neighbour)) return null;
  return isBackward ? $edge.pos - neighbour.nodeSize : $edge.pos;
}

// ProseMirror reads a selection the browser made (a click, Ctrl+End) on the next selectionchange
// event, and a key pressed before that event acts on the old selection: typing at once after a
// click replaced the block selected before it. The selection on screen, when both its ends are in
// text of this editor (not in a node view, not around a selected block), is the one that counts.
function selectionOnScreen(view: EditorView): TextSelection | null {
  const onScreen = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = onScreen ?? {};
  if (!onScreen || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null;
  try {
    const anchor = view.posAtDOM(anchorNode, onScreen.anchorOffset);
    const head = view.posAtDOM(focusNode, onScreen.focusOffset);
    const { doc } = view.state;
    if (!doc.resolve(anchor).parent.inlineContent || !doc.resolve(head).parent.inlineContent) return null;
    return TextSelection.create(doc, anchor, head);
  } catch {
    return null;
  }
}

// Select-all and the gap cursor are ProseMirror's own and never stale in this way.
function followSelectionOnScreen(view: EditorView): void {
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) && !(selection instanceof NodeSelection)) return;
  const onScreen = selectionOnScreen(view);
  if (onScreen && !onScreen.eq(selection)) view.dispatch(view.state.tr.setSelection(onScreen));
}

function handleKeyDown(view: EditorView, event: KeyboardEvent): boolean {
  if (view.composing) return false;
  followSelectionOnScreen(view);
  if (event.key !== "Backspace" && event.key !== "Delete") return false;
  const block = blockBesideCursor(view.state, event.key === "Backspace" ? "backward" : "forward");
  if (block === null) return false;
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, block)).scrollIntoView());
  return true;
}

// Reached with a block selected only from ProseMirror's keypress handler, after handleKeyDown.
function handleTextInput(view: EditorView, _from: number, _to: number, text: string): boolean {
  const block = selectedBlock(view.state.selection);
  if (!block) return false;
  view.dispatch(typeBesideBlock(view.state.tr, block, text));
  return true;
}

// A paste over a selected block lands beside it: the caret moves, then the paste goes on as usual.
function handlePaste(view: EditorView): boolean {
  const block = selectedBlock(view.state.selection);
  if (!block) return false;
  const tr = view.state.tr;
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, textStartAt(tr, block.to, true)!)));
  return false;
}

export const BlockGuard = Extension.create({
  name: "blockGuard",
  // Before the keymaps, whose Backspace and Delete would remove a neighbouring block.
  priority: 1000,
  addCommands() {
    return {
      insertBlock:
        (content) =>
        ({ tr, dispatch, editor }) => {
          const block = editor.schema.nodeFromJSON(content);
          if (!isStoryBlock(block)) return false;
          return dispatch ? insertBlock(tr, block) : true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey("blockGuard"), props: { handleKeyDown, handleTextInput, handlePaste } })];
  },
});
