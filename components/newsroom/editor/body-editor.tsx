"use client";
// The story body: a Tiptap editor on the shared extension list, a toolbar with keyboard
// shortcuts, and buttons that insert the story nodes.
import { useEffect, useRef } from "react";
import { useEditor, EditorContent, type Editor } from "@tiptap/react";
import { Fragment, Slice } from "@tiptap/pm/model";
import type { JSONContent } from "@tiptap/core";
import { isSafeHref } from "@/lib/editor/safe-url";
import { editorExtensions } from "./extensions";
import { cleanPastedHtml, plainTextToParagraphs } from "./paste";
import { useRecords } from "./editor-records";
import { CLIENT_BLOCKS } from "./node-views";
import type { BlockInsert } from "./node-views/block-insert";

// onEditor: the editor once made (and null when it goes), for panels that insert blocks at its cursor.
type Props = { initialContent: JSONContent; isReadOnly: boolean; onChange: (doc: JSONContent) => void; onEditor?: (editor: Editor | null) => void };

function Mark({ editor, name, label, shortcut, run }: { editor: Editor; name: string; label: string; shortcut: string; run: () => void }) {
  return (
    <button type="button" aria-pressed={editor.isActive(name)} title={`${label} (${shortcut})`} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );
}

function promptLink(editor: Editor): void {
  const current = editor.getAttributes("link").href as string | undefined;
  const href = window.prompt("Link address (https://…, mailto:… or /path). Leave empty to remove the link.", current ?? "https://");
  if (href === null) return;
  if (!href.trim()) editor.chain().focus().unsetLink().run();
  else if (isSafeHref(href.trim())) editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  else window.alert("Only http, https, mailto and /relative links are allowed.");
}

function Toolbar({ editor }: { editor: Editor }) {
  const records = useRecords();
  // Never insertContent: over a selected block it would replace the block (see block-guard.ts).
  // No focus() either: Tiptap focuses the body one animation frame later, which would take the
  // caret out of the new block's first field if the editor had already clicked into it, and the
  // quote they type would land in the story's text instead.
  // After the insert the caret is after the new block, but the keyboard would still be on this
  // button, where a space or Enter inserts the same block again (found by the random block e2e
  // test: a newsletter sign-up, then typing "Final score", made a second one). So the keyboard
  // moves to the body at once (ProseMirror's own focus, not the deferred chain focus), unless
  // something else took it meanwhile, like a picker.
  const insert = async (block: BlockInsert, button: HTMLButtonElement) => {
    const content = await block(records);
    if (!content) return;
    editor.chain().insertBlock(content).run();
    if (document.activeElement === button) editor.view.focus();
  };
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <Mark editor={editor} name="bold" label="Bold" shortcut="Ctrl+B" run={() => editor.chain().focus().toggleBold().run()} />
      <Mark editor={editor} name="italic" label="Italic" shortcut="Ctrl+I" run={() => editor.chain().focus().toggleItalic().run()} />
      <Mark editor={editor} name="link" label="Link" shortcut="Ctrl+K" run={() => promptLink(editor)} />
      <Mark editor={editor} name="heading" label="Heading" shortcut="Ctrl+Alt+2" run={() => editor.chain().focus().toggleHeading({ level: 2 }).run()} />
      <Mark editor={editor} name="bulletList" label="• List" shortcut="Ctrl+Shift+8" run={() => editor.chain().focus().toggleBulletList().run()} />
      <Mark editor={editor} name="orderedList" label="1. List" shortcut="Ctrl+Shift+7" run={() => editor.chain().focus().toggleOrderedList().run()} />
      <span className="toolbar-separator" aria-hidden="true" />
      {Object.entries(CLIENT_BLOCKS).map(([name, block]) => (
        <button key={name} type="button" onClick={(event) => insert(block.insert, event.currentTarget)}>
          {block.button}
        </button>
      ))}
    </div>
  );
}

export function BodyEditor({ initialContent, isReadOnly, onChange, onEditor }: Props) {
  const editorRef = useRef<Editor | null>(null);
  const editor = useEditor({
    extensions: editorExtensions(),
    content: initialContent,
    editable: !isReadOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: { class: "body-editor-content article-body", "aria-label": "Story body", role: "textbox", "aria-multiline": "true" },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && editorRef.current) {
          promptLink(editorRef.current);
          return true;
        }
        return false;
      },
      clipboardTextParser: (text, _context, _plain, view) => {
        const schema = view.state.schema;
        const paragraphs = plainTextToParagraphs(text).map((line) => schema.nodes.paragraph.create(null, schema.text(line)));
        return new Slice(Fragment.fromArray(paragraphs), 1, 1);
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON()),
  });
  useEffect(() => {
    editorRef.current = editor;
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  if (!editor) return <div className="body-editor body-editor--loading">Loading the editor…</div>;
  return (
    <div className="body-editor">
      {!isReadOnly && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
