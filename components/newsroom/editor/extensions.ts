"use client";
// The editor's extension list: the shared one from lib/editor, with React node views attached and
// the block guard (editing behaviour only, so the server's list does not need it).
import { ReactNodeViewRenderer } from "@tiptap/react";
import type { Extensions } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { storyExtensions } from "@/lib/editor/extensions";
import { BLOCKS } from "@/lib/editor/blocks";
import { CLIENT_BLOCKS } from "./node-views";
import { BlockGuard } from "./block-guard";

// Events inside a node view's own inputs (and the sidebar's nested editor) belong to them,
// not to the story editor around them.
const isolated = { stopEvent: () => true, ignoreMutation: () => true };

// A block's identity is the records it points at (a sidebar's sidebarId, a quote's quoteId…).
// ProseMirror reuses a node view for another node of the same type when the document changes
// around it (inserting a second sidebar before the first), so a view is kept only while the
// records stay the same, and is made afresh otherwise. Without this a view's own state (the
// sidebar's nested editor, a search box) went on showing the other block's content: a new, empty
// sidebar showed the first one's text.
function keepViewWhileSameRecords(name: string) {
  const identity = BLOCKS.find((block) => block.name === name)?.references.map((reference) => reference.attr) ?? [];
  return ({ oldNode, newNode, updateProps }: { oldNode: PMNode; newNode: PMNode; updateProps: () => void }) => {
    if (identity.some((attr) => oldNode.attrs[attr] !== newNode.attrs[attr])) return false;
    if (oldNode !== newNode) updateProps();
    return true;
  };
}

export function editorExtensions(): Extensions {
  const withViews = storyExtensions().map((extension) => {
    const view = CLIENT_BLOCKS[extension.name as keyof typeof CLIENT_BLOCKS]?.view;
    if (!view) return extension;
    return (extension as ReturnType<typeof StarterKit.extend>).extend({
      addNodeView() {
        return ReactNodeViewRenderer(view, { ...isolated, update: keepViewWhileSameRecords(extension.name) });
      },
    });
  });
  return [...withViews, BlockGuard];
}
