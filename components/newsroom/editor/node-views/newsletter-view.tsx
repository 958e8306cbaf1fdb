"use client";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { NodeActions } from "./node-actions";

export function NewsletterView({ deleteNode, editor }: ReactNodeViewProps) {
  return (
    <NodeViewWrapper className="node-card node-newsletter" data-node="newsletterSignup" contentEditable={false}>
      <div className="node-card-label">Newsletter sign-up</div>
      <p>Readers see the newsletter call to action here.</p>
      {editor.isEditable && <NodeActions onRemove={deleteNode} />}
    </NodeViewWrapper>
  );
}

export const insertNewsletter: BlockInsert = () => ({ type: "newsletterSignup" });
