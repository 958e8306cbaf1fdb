"use client";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";

export function DividerView({ deleteNode, editor }: ReactNodeViewProps) {
  return (
    <NodeViewWrapper className="node-card node-divider" data-node="divider" contentEditable={false}>
      <div className="node-card-label">Divider</div>
      {editor.isEditable && <div className="node-actions"><button type="button" onClick={deleteNode}>Remove</button></div>}
    </NodeViewWrapper>
  );
}
