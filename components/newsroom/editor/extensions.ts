"use client";
// The editor's extension list: the shared one from lib/editor, with React node views attached and
// the block guard (editing behaviour only, so the server's list does not need it).
import { ReactNodeViewRenderer } from "@tiptap/react";
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { storyExtensions } from "@/lib/editor/extensions";
import { CLIENT_BLOCKS } from "./node-views";
import { BlockGuard } from "./block-guard";

// Events inside a node view's own inputs (and the sidebar's nested editor) belong to them,
// not to the story editor around them.
const isolated = { stopEvent: () => true, ignoreMutation: () => true };

export function editorExtensions(): Extensions {
  const withViews = storyExtensions().map((extension) => {
    const view = CLIENT_BLOCKS[extension.name as keyof typeof CLIENT_BLOCKS]?.view;
    if (!view) return extension;
    return (extension as ReturnType<typeof StarterKit.extend>).extend({
      addNodeView() {
        return ReactNodeViewRenderer(view, isolated);
      },
    });
  });
  return [...withViews, BlockGuard];
}
