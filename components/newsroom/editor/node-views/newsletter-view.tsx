"use client";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";

export function NewsletterView({ deleteNode, editor }: ReactNodeViewProps) {
  return (
    <NodeViewWrapper className="node-card node-newsletter" data-node="newsletterSignup" contentEditable={false}>
      <div className="node-card-label">Newsletter sign-up</div>
      <p>Readers see the newsletter call to action here.</p>
      {editor.isEditable && (
        <div className="node-actions">
          <button type="button" onClick={deleteNode}>
            Remove
          </button>
        </div>
      )}
    </NodeViewWrapper>
  );
}

export const insertNewsletter: BlockInsert = () => ({ type: "newsletterSignup" });
