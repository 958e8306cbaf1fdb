"use client";
// A small Tiptap editor for one live entry: the story's own extension list (lib/editor), so what
// the composer makes is what lib/live validates (paragraphs, headings, lists, bold, italic,
// links; photos and related stories already in an entry are kept). Ctrl+Enter (Cmd+Enter) sends.
import { useEffect, useRef } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import type { JSONContent } from "@tiptap/core";
import { storyExtensions } from "@/lib/editor/extensions";

type Props = {
  label: string;
  initialContent: JSONContent | null;
  onChange: (doc: JSONContent) => void;
  onSubmit: () => void;
  onReady?: (editor: Editor) => void;
  autoFocus?: boolean;
};

export function EntryBodyEditor({ label, initialContent, onChange, onSubmit, onReady, autoFocus }: Props) {
  const submit = useRef(onSubmit);
  useEffect(() => {
    submit.current = onSubmit;
  }, [onSubmit]);
  const editor = useEditor({
    extensions: storyExtensions(),
    content: initialContent ?? "",
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    editorProps: {
      attributes: { class: "live-entry-editor article-body", "aria-label": label, role: "textbox", "aria-multiline": "true" },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
          submit.current();
          return true;
        }
        return false;
      },
    },
    // A plain-JSON copy: ProseMirror makes node attributes with Object.create(null), which a server
    // action receives as opaque references it cannot read (the story editor does the same).
    onUpdate: ({ editor: current }) => onChange(JSON.parse(JSON.stringify(current.getJSON()))),
  });
  useEffect(() => {
    if (editor && onReady) onReady(editor);
  }, [editor, onReady]);
  if (!editor) return <div className="live-entry-editor live-entry-editor--loading">Loading the editor…</div>;
  return (
    <div className="live-entry-editor-wrap">
      <div className="editor-toolbar" role="toolbar" aria-label={`${label}: formatting`}>
        <button type="button" aria-pressed={editor.isActive("bold")} title="Bold (Ctrl+B)" onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleBold().run()}>
          Bold
        </button>
        <button type="button" aria-pressed={editor.isActive("italic")} title="Italic (Ctrl+I)" onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleItalic().run()}>
          Italic
        </button>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
