// Blocks point at database records by id. An id attribute round-trips through a data-* attribute
// so pasted editor HTML keeps its references; anything that is not a record id is left out.
import { isRecordId } from "../record-id";

// Tiptap hands renderHTML the node's whole attribute set, so each attribute reads its own name.
export function referenceAttribute(name: string, dataName: string) {
  return {
    default: null as string | null,
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${dataName}`);
      return isRecordId(value) ? value : null;
    },
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[name];
      return isRecordId(value) ? { [`data-${dataName}`]: value } : {};
    },
  };
}
