import type { ReactNode } from "react";

// The buttons under a story block in the editor: the block's own (children), then Remove.
// isOutsideText: the block holds editable text of its own, so the buttons are marked non-editable.
export function NodeActions({ onRemove, isOutsideText, children }: { onRemove: () => void; isOutsideText?: boolean; children?: ReactNode }) {
  return (
    <div className="node-actions" contentEditable={isOutsideText ? false : undefined}>
      {children}
      <button type="button" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
