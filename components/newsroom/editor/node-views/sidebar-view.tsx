"use client";
import { newRecordId } from "@/lib/editor/record-id";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, useEditor, EditorContent, type ReactNodeViewProps } from "@tiptap/react";
import { sidebarExtensions } from "@/lib/editor/extensions";
import { EMPTY_DOC } from "@/lib/editor/types";
import { useRecords } from "../editor-records";
import { NodeActions } from "./node-actions";

// A boxed sub-story: its heading and its own rich text, edited in a nested editor.
export function SidebarView({ node, deleteNode }: ReactNodeViewProps) {
  const { records, update, isReadOnly } = useRecords();
  const id: string = node.attrs.sidebarId;
  const sidebar = records.sidebars[id] ?? { id, heading: "", body: EMPTY_DOC };
  const inner = useEditor({
    extensions: sidebarExtensions(),
    content: (sidebar.body as object) ?? EMPTY_DOC,
    editable: !isReadOnly,
    immediatelyRender: false,
    // Named on the editable element itself, so screen readers announce which text box this is.
    editorProps: { attributes: { role: "textbox", "aria-multiline": "true", "aria-label": "Sidebar text" } },
    onUpdate: ({ editor }) => {
      const body = editor.getJSON();
      update((r) => ({ ...r, sidebars: { ...r.sidebars, [id]: { ...(r.sidebars[id] ?? sidebar), body } } }));
    },
  });
  const setHeading = (heading: string) => update((r) => ({ ...r, sidebars: { ...r.sidebars, [id]: { ...(r.sidebars[id] ?? sidebar), heading } } }));

  return (
    <NodeViewWrapper className="node-card node-sidebar" data-node="sidebar">
      <div className="node-card-label" contentEditable={false}>
        Sidebar
      </div>
      <label className="field" contentEditable={false}>
        <span>Heading</span>
        <input value={sidebar.heading} readOnly={isReadOnly} onChange={(e) => setHeading(e.target.value)} />
      </label>
      <div className="node-sidebar-body">
        <EditorContent editor={inner} />
      </div>
      {!isReadOnly && <NodeActions onRemove={deleteNode} isOutsideText />}
    </NodeViewWrapper>
  );
}

// The toolbar's "+ Sidebar": a new sidebar record with no heading and one empty paragraph.
export const insertSidebar: BlockInsert = ({ update }) => {
  const id = newRecordId();
  update((r) => ({ ...r, sidebars: { ...r.sidebars, [id]: { id, heading: "", body: { type: "doc", content: [{ type: "paragraph" }] } } } }));
  return { type: "sidebar", attrs: { sidebarId: id } };
};
